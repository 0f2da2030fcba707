using PatternsGen.Tests;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>The broker's own control tool, for restarting it under a test.</summary>
internal static class Rabbitmqctl
{
    public static bool Available => Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "rabbitmqctl"))) == true
                                    && Environment.UserName == "root";

    /// <summary>Runs <c>rabbitmqctl <paramref name="command"/></c>: <c>stop_app</c> drops every connection, <c>start_app</c> brings the broker back.</summary>
    public static async Task RunAsync(string command)
    {
        var (exit, _, all) = await ChildProcess.RunAsync("rabbitmqctl", "/", [command], timeout: TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"rabbitmqctl {command} failed:\n{all}");
    }
}
