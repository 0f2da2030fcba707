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

        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(start)!);
    }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Reads output lines until <paramref name="lines"/> starting with <paramref name="prefix"/> have been seen,
    /// then kills the process with SIGKILL. False when it finished ("done", exit 0) first. With
    /// <paramref name="answer"/>, each such line is answered on standard input (a child that waits for it
    /// cannot run ahead of the kill), and the kill follows the last answer at once.
    /// </summary>
    public async Task<bool> KillAfterLinesAsync(int lines, string prefix = "appended", string? answer = null)
    {
        for (var seen = 0; seen < lines;)
        {
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null || line == "done")
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                return line == "done" && _process.ExitCode == 0
                    ? false
                    : throw new InvalidOperationException($"The child exited early ({_process.ExitCode}): " + await _process.StandardError.ReadToEndAsync());
            }

            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                seen++;
                if (answer is not null)
                {
                    await _process.StandardInput.WriteLineAsync(answer);
                    await _process.StandardInput.FlushAsync();
                }
            }
        }

        _process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no flush, no dispose
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return true;
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
