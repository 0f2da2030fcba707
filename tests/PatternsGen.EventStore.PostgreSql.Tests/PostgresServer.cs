namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>
/// The server these tests use: the connection string in <c>PATTERNSGEN_PG</c>. Without it the tests
/// skip on a developer machine, and fail in CI (<c>CI=true</c>), where they must run.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PATTERNSGEN_PG";

    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            throw new InvalidOperationException($"{Variable} is not set. CI must run the PostgreSQL tests: .ci/run starts the server and sets it.");
        }

        Skip.If(true, $"{Variable} is not set; see docs/testing.md to run the PostgreSQL tests.");
        throw new InvalidOperationException("unreachable");
    }
}
