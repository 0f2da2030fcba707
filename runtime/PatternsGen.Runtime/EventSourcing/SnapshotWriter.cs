using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PatternsGen.Diagnostics;

namespace PatternsGen.EventSourcing;

/// <summary>Writes the snapshots generated <c>SaveAsync</c> takes. Not meant to be called directly.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SnapshotWriter
{
    private static readonly Counter<long> Failures = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.eventsourcing.snapshot.failures", unit: "{snapshot}", description: "Snapshots that could not be written; loads replay more events until the next one succeeds.");

    /// <summary>
    /// Writes <paramref name="snapshot"/>. A failure does not fail the save, whose events are already
    /// committed: it is counted (<c>patternsgen.eventsourcing.snapshot.failures</c>) and recorded on the
    /// current activity, and the next snapshot point tries again.
    /// </summary>
    public static async ValueTask TryWriteAsync<TState>(ISnapshotStore store, string streamId, Snapshot<TState> snapshot, CancellationToken ct)
    {
        try
        {
            await store.WriteSnapshotAsync(streamId, snapshot, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failures.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().FullName));
            Activity.Current?.AddEvent(new ActivityEvent("patternsgen.snapshot.failed", tags: new ActivityTagsCollection
            {
                ["stream.id"] = streamId,
                ["stream.version"] = snapshot.Version,
                ["exception.message"] = error.Message,
            }));
        }
    }
}
