using System.Diagnostics;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>One consumer process of the fault tests (PatternsGen.Transport.RabbitMQ.Worker), started with dotnet.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private WorkerProcess(Process process) => _process = process;

    public static async Task<WorkerProcess> StartAsync(FaultRun run)
    {
        // The worker is built next to this assembly's configuration: tests/<worker>/bin/<configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "PatternsGen.Transport.RabbitMQ.Worker", "bin",
            here.Parent!.Name, here.Name, "PatternsGen.Transport.RabbitMQ.Worker.dll"));
        Assert.True(File.Exists(dll), $"The worker is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--broker", run.Options.ConnectionString, "--service", run.Options.ServiceName, "--exchange", run.Options.Exchange, "--inbox", run.Inbox, "--effects", run.Effects })
        {
            start.ArgumentList.Add(argument);
        }

        var worker = new WorkerProcess(Process.Start(start)!);
        worker._process.OutputDataReceived += (_, line) => worker.Saw(line.Data);
        worker._process.ErrorDataReceived += (_, line) => worker.Saw(line.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        _ = worker._process.WaitForExitAsync().ContinueWith(_ => worker._ready.TrySetException(new InvalidOperationException("The worker exited before it was ready:\n" + worker.Output)));
        await worker._ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return worker;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>SIGKILL: no handler finishes, nothing is acknowledged or closed.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Closes its standard input, on which it stops gracefully, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Saw(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line == "ready")
        {
            _ready.TrySetResult();
        }
    }
}
