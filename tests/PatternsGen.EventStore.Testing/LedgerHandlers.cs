using PatternsGen.Messaging;

namespace PatternsGen.EventStore.Testing;

/// <summary>
/// A handler for the publish crash trials: each Tick it handles becomes a line "pid messageId batch-number"
/// in a ledger file shared by the trial's processes. It uses the inbox, so a message is skipped once marked.
/// </summary>
public partial class LedgerHandlers(string path)
{
    // The bus runs handlers of different streams at once, and on Unix FileMode.Append seeks to the end
    // rather than opening with O_APPEND: two unguarded appends can land at one offset and one line is lost.
    private static readonly Lock Gate = new();

    [EventHandler(UseInbox = true)]
    public void OnTick(Tick tick, EventContext context, CancellationToken ct)
    {
        lock (Gate)
        {
            File.AppendAllText(path, $"{Environment.ProcessId} {context.MessageId} {tick.Batch}-{tick.Number}\n");
        }
    }

    /// <summary>The ledger's lines as (process, message id).</summary>
    public static List<(int Pid, Guid MessageId)> Read(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(static l => l.Length > 0).Select(static l => l.Split(' '))
                .Select(static p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Guid.Parse(p[1]))).ToList()
            : [];
}
