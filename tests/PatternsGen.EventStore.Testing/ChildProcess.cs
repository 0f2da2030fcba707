using System.Diagnostics;
using System.Reflection;

namespace PatternsGen.EventStore.Testing;

/// <summary>Starts tests/PatternsGen.EventStore.Child, built beside this assembly's configuration.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(params string[] args)
    {
        var path = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(static a => a.Key == "ChildPath").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The child process is not built; build tests/PatternsGen.EventStore.Child.", path);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(start)!);
    }

    /// <summary>Reads output lines until <paramref name="lines"/> have been seen, then kills the process with SIGKILL.</summary>
    public async Task KillAfterLinesAsync(int lines)
    {
        for (var seen = 0; seen < lines;)
        {
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))
                ?? throw new InvalidOperationException("The child exited early: " + await _process.StandardError.ReadToEndAsync());
            if (line.StartsWith("appended", StringComparison.Ordinal))
            {
                seen++;
            }
        }

        _process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no flush, no dispose
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<(int ExitCode, string Error)> WaitAsync()
    {
        var error = _process.StandardError.ReadToEndAsync();
        await _process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (_process.ExitCode, await error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
