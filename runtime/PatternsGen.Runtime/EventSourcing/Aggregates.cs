using System.Diagnostics;
using System.Diagnostics.Metrics;
using PatternsGen.Diagnostics;

namespace PatternsGen.EventSourcing;

/// <summary>
/// Rebuilding, loading and saving, the same for every aggregate: the generated <c>FromEvents</c>, <c>LoadAsync</c>
/// and <c>SaveAsync</c> of an <c>[Aggregate]</c> class call these.
/// </summary>
public static class Aggregates
{
    private static readonly Counter<long> SnapshotFailures = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.eventsourcing.snapshot.failures", unit: "{snapshot}", description: "Snapshots that could not be written; loads replay more events until the next one succeeds.");

    /// <summary>Rebuilds an aggregate by applying <paramref name="events"/> in order to a new instance.</summary>
    public static T FromEvents<T>(IEnumerable<object> events)
        where T : class, IEventSourced<T>
    {
        ArgumentNullException.ThrowIfNull(events);
        var aggregate = T.CreateEmpty();
        foreach (var @event in events)
        {
            aggregate.ApplyEvent(@event);
        }

        return aggregate;
    }

    /// <summary>Loads the aggregate stored as <paramref name="id"/> by applying its events in order.</summary>
    /// <returns>The aggregate, or <see langword="null"/> when the stream does not exist.</returns>
    public static ValueTask<T?> LoadAsync<T>(IEventStore store, string id, CancellationToken ct = default)
        where T : class, IEventSourced<T>
    {
        ArgumentNullException.ThrowIfNull(store);
        return ReplayAsync<T>(store, id, null, ct);
    }

    /// <summary>
    /// Loads the aggregate stored as <paramref name="id"/>: restores its newest snapshot of
    /// <paramref name="schemaVersion"/> when the store keeps snapshots, then applies the events after it.
    /// </summary>
    /// <returns>The aggregate, or <see langword="null"/> when the stream does not exist.</returns>
    public static async ValueTask<T?> LoadAsync<T, TState>(IEventStore store, string id, int schemaVersion, CancellationToken ct = default)
        where T : class, IEventSourced<T>, ISnapshotSource<TState>
    {
        ArgumentNullException.ThrowIfNull(store);
        T? aggregate = null;
        if (store is ISnapshotStore snapshots
            && await snapshots.ReadSnapshotAsync<TState>(id, schemaVersion, ct).ConfigureAwait(false) is { } snapshot)
        {
            // None, or only one of another schema version: every event is replayed.
            aggregate = T.CreateEmpty();
            aggregate.RestoreSnapshot(snapshot.State);
            aggregate.Events.RestoredAt(snapshot.Version);
        }

        return await ReplayAsync(store, id, aggregate, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends the aggregate's uncommitted events to stream <paramref name="id"/>, expecting it at the version the
    /// aggregate was loaded at, then marks them committed. Does nothing when there are none.
    /// </summary>
    /// <exception cref="ConcurrencyException">The stream changed since it was loaded; nothing was written.</exception>
    public static async ValueTask SaveAsync(IEventSourced aggregate, IEventStore store, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(store);
        await AppendAsync(aggregate, store, id, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves like <see cref="SaveAsync(IEventSourced, IEventStore, string, CancellationToken)"/>, then, each time the
    /// version passes a multiple of <paramref name="every"/>, writes a snapshot when the store keeps them. A snapshot
    /// that cannot be written does not fail the save, whose events are stored: it is counted
    /// (<c>patternsgen.eventsourcing.snapshot.failures</c>) and recorded on the current activity, and the next
    /// snapshot point tries again.
    /// </summary>
    public static async ValueTask SaveAsync<T, TState>(T aggregate, IEventStore store, string id, int every, int schemaVersion, CancellationToken ct = default)
        where T : class, IEventSourced, ISnapshotSource<TState>
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        var expectedVersion = await AppendAsync(aggregate, store, id, ct).ConfigureAwait(false);
        if (store is ISnapshotStore snapshots && aggregate.Version / every > expectedVersion / every)
        {
            await TryWriteSnapshotAsync(snapshots, id, new Snapshot<TState>(aggregate.Version, schemaVersion, aggregate.CreateSnapshot()), ct).ConfigureAwait(false);
        }
    }

    private static async ValueTask<T?> ReplayAsync<T>(IEventStore store, string id, T? aggregate, CancellationToken ct)
        where T : class, IEventSourced<T>
    {
        await foreach (var recorded in store.ReadStreamAsync(id, aggregate?.Version ?? 0, ct).ConfigureAwait(false))
        {
            aggregate ??= T.CreateEmpty();
            if (recorded.Version != aggregate.Version + 1)
            {
                throw new InvalidOperationException($"Stream '{id}' goes from version {aggregate.Version} to {recorded.Version}; its events cannot be applied in order.");
            }

            aggregate.ApplyEvent(recorded.Data);
        }

        return aggregate;
    }

    /// <returns>The version the stream was expected at; the aggregate's version when there was nothing to append.</returns>
    private static async ValueTask<long> AppendAsync(IEventSourced aggregate, IEventStore store, string id, CancellationToken ct)
    {
        var events = aggregate.GetUncommittedEvents();
        var expectedVersion = aggregate.Version - events.Count;
        if (events.Count > 0)
        {
            await store.AppendAsync(id, expectedVersion, events, ct).ConfigureAwait(false);
            aggregate.MarkCommitted();
        }

        return expectedVersion;
    }

    private static async ValueTask TryWriteSnapshotAsync<TState>(ISnapshotStore store, string streamId, Snapshot<TState> snapshot, CancellationToken ct)
    {
        try
        {
            await store.WriteSnapshotAsync(streamId, snapshot, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            SnapshotFailures.Add(1, new KeyValuePair<string, object?>("error.type", error.GetType().FullName));
            Activity.Current?.AddEvent(new ActivityEvent("patternsgen.snapshot.failed", tags: new ActivityTagsCollection
            {
                ["stream.id"] = streamId,
                ["stream.version"] = snapshot.Version,
                ["exception.message"] = error.Message,
            }));
        }
    }
}
