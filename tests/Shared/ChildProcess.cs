using System.Diagnostics;
using System.Text;

namespace PatternsGen.Tests;

/// <summary>
/// Runs a program (the dotnet CLI, node) as a user's shell would: linked into each test project that starts one.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="workingDirectory"/>, writing <paramref name="input"/> to its
    /// standard input, and returns its exit code, its standard output, and both streams interleaved as they came.
    /// </summary>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/> (default 10 minutes); it was killed.</exception>
    public static async Task<(int ExitCode, string Output, string AllOutput)> RunAsync(
        string command, string workingDirectory, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null, string? input = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild's and VSTest's variables; a user's shell has none of them.
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var all = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, all, output);
        var stderr = PumpAsync(process.StandardError, all, null);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', arguments)} took over {limit}:\n{all}");
        }

        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, output.ToString(), all.ToString());
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("MSBUILD", StringComparison.Ordinal)
        || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || key is "DOTNET_HOST_PATH" or "NUGET_PACKAGES";

    private static async Task PumpAsync(StreamReader reader, StringBuilder all, StringBuilder? own)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (all)
            {
                all.AppendLine(line);
            }

            own?.AppendLine(line);
        }
    }
}
