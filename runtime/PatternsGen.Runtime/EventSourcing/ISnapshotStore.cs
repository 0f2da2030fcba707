namespace PatternsGen.EventSourcing;

/// <summary>
/// Keeps the newest snapshot of each stream, so loading reads it and only the events after it.
/// Every shipped store implements it; generated <c>LoadAsync</c>/<c>SaveAsync</c> use it for
/// aggregates with <c>[Aggregate(SnapshotEvery = n)]</c>.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// The stream's newest snapshot when it was written with <paramref name="schemaVersion"/>; <see langword="null"/>
    /// when the stream has none or only one of another schema (which is then not deserialized at all).
    /// </summary>
    ValueTask<Snapshot<TState>?> ReadSnapshotAsync<TState>(string streamId, int schemaVersion, CancellationToken ct = default);

    /// <summary>Stores <paramref name="snapshot"/> unless the stream already has one at a higher version.</summary>
    ValueTask WriteSnapshotAsync<TState>(string streamId, Snapshot<TState> snapshot, CancellationToken ct = default);
}

/// <summary>An aggregate's state after <paramref name="Version"/> events.</summary>
/// <param name="Version">The stream version the state includes.</param>
/// <param name="SchemaVersion">
/// The shape of <typeparamref name="TState"/> (<c>[Aggregate(SnapshotVersion = n)]</c>); a snapshot of
/// another schema is ignored and the aggregate is rebuilt from its events.
/// </param>
/// <param name="State">The captured state.</param>
public sealed record Snapshot<TState>(long Version, int SchemaVersion, TState State);
