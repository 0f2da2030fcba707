namespace PatternsGen.EventStore.Testing;

/// <summary>
/// Side effects as lines "pid kind key" appended to a file shared by the processes of a crash trial, each
/// also announced on standard output ("effect ..."). When <paramref name="paced"/>, each then waits for a
/// line on standard input, so the parent's kill lands within the next stretch of work, not far ahead of it.
/// </summary>
public sealed class FileSagaEffects(string path, bool paced) : ISagaEffects
{
    private readonly int _pid = Environment.ProcessId;

    public void Record(string kind, string key)
    {
        // One short write per call: a SIGKILL lands before or after it, not inside it.
        File.AppendAllText(path, $"{_pid} {kind} {key}\n");
        Console.WriteLine($"effect {kind} {key}");
        if (paced)
        {
            _ = Console.In.ReadLine();
        }
    }

    /// <summary>The calls in the file, in order, as (process, "kind key").</summary>
    public static List<(int Pid, string Call)> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path)
                .Where(static line => line.Length > 0)
                .Select(static line => line.Split(' ', 2))
                .Select(static parts => (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]))
                .ToList()
            : [];
}
