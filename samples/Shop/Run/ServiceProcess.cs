using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Shop.Run;

/// <summary>
/// One instance of one service, as a child process: started with its settings on the command line, its output
/// appended to <c>logs/{service}-{n}.log</c>, killed with SIGKILL by the chaos and restarted on the same port.
/// <paramref name="program"/> is the service's build: a <c>.dll</c> (run by <c>dotnet</c>) or a native executable.
/// </summary>
public sealed class ServiceProcess(string service, int number, int port, string program, string logFolder)
{
    private Process? _process;
    private StreamWriter? _log;

    public string Service { get; } = service;

    /// <summary>How the run's output names it: <c>orders#2</c>.</summary>
    public string Name { get; } = $"{service}#{number}";

    public Uri Url { get; } = new($"http://127.0.0.1:{port}/");

    public string LogPath { get; } = Path.Combine(logFolder, $"{service}-{number}.log");

    /// <summary>Whether it runs a published native executable rather than a build on <c>dotnet</c>.</summary>
    public bool Native { get; } = !program.EndsWith(".dll", StringComparison.Ordinal);

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts the process with <paramref name="settings"/> (<c>--key value</c> pairs) after its URL.</summary>
    public void Start(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo(Native ? program : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (IEnumerable<string>)[.. Native ? [] : new[] { program }, "--urls", Url.ToString().TrimEnd('/'), .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _log.WriteLine($"----- {DateTimeOffset.Now:O} {Name} started, pid {process.Id}");
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Waits until <c>/health</c> answers (Healthy or Degraded); fails with the end of the log when the process exits first.</summary>
    public async Task WaitHealthyAsync(HttpClient http, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode}. The end of {LogPath}:\n{Tail(20)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "health"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:0} s. The end of {LogPath}:\n{Tail(20)}");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing released; what a lost machine does to a service.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
            _log?.WriteLine($"----- {DateTimeOffset.Now:O} {Name} killed (SIGKILL)");
        }
    }

    /// <summary>SIGTERM, so the service stops as a host does (leases released, work finished); SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is { HasExited: false } process)
        {
            if (OperatingSystem.IsWindows() || Terminate(process.Id) != 0)
            {
                process.Kill();
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        _log?.Dispose();
        _log = null;
    }

    /// <summary>The instance's log as written so far, read while the process may still be writing it.</summary>
    public string ReadLog()
    {
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    private string Tail(int lines)
    {
        _log?.Flush();
        return string.Join('\n', ReadLog().Split('\n').TakeLast(lines));
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (this)
            {
                _log?.WriteLine(line);
            }
        }
    }

    private static int Terminate(int pid) => Kill(pid, 15);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
