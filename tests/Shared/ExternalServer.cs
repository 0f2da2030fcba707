namespace PatternsGen.Tests;

/// <summary>
/// A server a test needs and CI starts (PostgreSQL, RabbitMQ), found through an environment variable. Without it the
/// test skips on a developer machine, saying how to start one, and fails in CI (<c>CI=true</c>), where it must run.
/// </summary>
internal static class ExternalServer
{
    public static string Require(string variable, string what, string howToStart)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            throw new InvalidOperationException($"{variable} is not set. CI must run the {what} tests: .ci/run starts the server and sets it.");
        }

        Skip.If(true, $"{variable} is not set; {howToStart}");
        throw new InvalidOperationException("unreachable");
    }
}
