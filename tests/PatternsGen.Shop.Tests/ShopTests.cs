using System.Reflection;
using System.Text.RegularExpressions;
using PatternsGen.Tests;

namespace PatternsGen.Shop.Tests;

/// <summary>
/// The launcher as a user runs it, with the services as real processes, a real broker and their SQLite files.
/// CI runs the chaos run itself (.ci/run); these cover what a run's own checks cannot see.
/// </summary>
public sealed partial class ShopTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("shop-test-").FullName;

    [SkippableFact]
    public async Task One_orders_spans_come_from_at_least_three_processes_under_one_trace_id()
    {
        var broker = ExternalServer.Require("PATTERNSGEN_RABBITMQ", "RabbitMQ", "start RabbitMQ and set it to amqp://guest:guest@127.0.0.1:5672/.");

        var (exit, output, all) = await RunShopAsync("--orders", "4", "--trace", "--rabbitmq", broker);

        Assert.True(exit == 0, all);
        var traced = TraceLine().Match(output);
        Assert.True(traced.Success, output);
        var traceId = traced.Groups["trace"].Value;

        // Read the services' logs here, not the launcher's summary: which processes printed a span of that trace.
        var processes = Directory.GetFiles(Path.Combine(_data, "logs"), "*.log")
            .Select(static log => File.ReadAllText(log))
            .Where(log => log.Contains($"Activity.TraceId:            {traceId}", StringComparison.Ordinal))
            .Select(static log => (Service: ServiceName().Match(log).Groups[1].Value, Pid: StartedPid().Match(log).Groups[1].Value))
            .ToList();
        Assert.True(processes.Count >= 3, $"trace {traceId} is in {processes.Count} process logs:\n{output}");
        Assert.Equal(processes.Count, processes.Select(static p => p.Pid).Distinct().Count());
        Assert.Contains(processes, static p => p.Service == "orders");

        // A paid choreography order's trace went through the orders database and the broker to payments and back.
        var paid = Assert.Single(TraceLine().Matches(output).Where(static m => m.Groups["route"].Value == "choreography, paid").Take(1));
        Assert.Contains("payments", paid.Value);
    }

    [Fact]
    public async Task Without_a_broker_it_says_how_to_start_one_and_starts_nothing()
    {
        var (exit, output, all) = await RunShopAsync("--orders", "1", "--rabbitmq", "amqp://guest:guest@127.0.0.1:1/");

        Assert.True(exit == 2, all);
        Assert.Contains("No RabbitMQ broker at amqp://guest:***@127.0.0.1:1/", output);
        Assert.Contains("apt-get install rabbitmq-server", output);
        Assert.False(Directory.Exists(Path.Combine(_data, "logs")), "no service was started");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<(int ExitCode, string Output, string AllOutput)> RunShopAsync(params string[] arguments)
    {
        var configuration = typeof(ShopTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "Configuration").Value!;
        var launcher = Path.Combine(Repository.Root, "samples", "Shop", "bin", configuration, "net10.0", "Shop.dll");
        return ChildProcess.RunAsync("dotnet", _data, [launcher, "--data", _data, .. arguments], timeout: TimeSpan.FromMinutes(3));
    }

    [GeneratedRegex(@"trace of \S+ \((?<route>\w+, \w+), (?<trace>[0-9a-f]{32})\): spans from (\w+, ){2,}\w+")]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"service\.name: (\w+)")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"started, pid (\d+)")]
    private static partial Regex StartedPid();
}
