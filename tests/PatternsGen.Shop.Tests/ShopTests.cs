using System.Diagnostics;
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

    [SkippableFact]
    public async Task Interrupted_it_stops_every_service_it_started()
    {
        var broker = ExternalServer.Require("PATTERNSGEN_RABBITMQ", "RabbitMQ", "start RabbitMQ and set it to amqp://guest:guest@127.0.0.1:5672/.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Launcher(), "--data", _data, "--orders", "10000", "--rabbitmq", broker])
        {
            start.ArgumentList.Add(argument);
        }

        using var launcher = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var healthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        launcher.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data?.Contains("all healthy", StringComparison.Ordinal) == true)
            {
                healthy.TrySetResult();
            }
        };
        launcher.BeginOutputReadLine();
        await Task.WhenAny(healthy.Task, launcher.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(healthy.Task.IsCompleted, output.ToString());
        var children = ChildPid().Matches(output.ToString()).Select(static m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, children.Count);

        // SIGTERM: a service manager's stop, handled as Ctrl+C's SIGINT is (both cancel the run).
        Assert.Equal(0, Signal(launcher.Id, 15));
        await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(launcher.ExitCode == 130, output.ToString());
        Assert.Contains("Interrupted: every service this run started is stopped.", output.ToString());
        Assert.All(children, static pid => Assert.False(IsRunning(pid), $"service process {pid} outlived the launcher"));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static string Launcher()
    {
        var configuration = typeof(ShopTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "Configuration").Value!;
        return Path.Combine(Repository.Root, "samples", "Shop", "bin", configuration, "net10.0", "Shop.dll");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);

    private Task<(int ExitCode, string Output, string AllOutput)> RunShopAsync(params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", _data, [Launcher(), "--data", _data, .. arguments], timeout: TimeSpan.FromMinutes(3));

    [GeneratedRegex(@"trace of \S+ \((?<route>\w+, \w+), (?<trace>[0-9a-f]{32})\): spans from (\w+, ){2,}\w+")]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"service\.name: (\w+)")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"\(pid (\d+)")]
    private static partial Regex ChildPid();

    [GeneratedRegex(@"started, pid (\d+)")]
    private static partial Regex StartedPid();
}
