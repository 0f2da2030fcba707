using System.Collections.Concurrent;

namespace PatternsGen.EventSourcing;

/// <summary>
/// How far each reader of the global stream (a projection, a publisher) has got, by name. Durable on
/// SQLite and PostgreSQL (the store adapters' message stores); <see cref="InMemoryCheckpointStore"/> otherwise.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The last position <paramref name="name"/> finished; 0 when it has none.</summary>
    ValueTask<long> GetAsync(string name, CancellationToken ct = default);

    /// <summary>Records that <paramref name="name"/> finished everything up to <paramref name="position"/>.</summary>
    ValueTask SetAsync(string name, long position, CancellationToken ct = default);
}

/// <summary>
/// A checkpoint store in a database that can also hold a read model: the SQLite and PostgreSQL stores. A projection's
/// view and its checkpoint then change in one transaction, so each event takes effect exactly once, whatever crashes.
/// </summary>
public interface ITransactionalCheckpointStore : ICheckpointStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in a database transaction and records, in the same transaction, that
    /// <paramref name="name"/> finished <paramref name="position"/>; commits both, or neither when the work throws. The work
    /// finds the transaction through the store (<c>PostgresEventStore.ProjectionTransaction</c>,
    /// <c>SqliteEventStore.ProjectionTransaction</c>).
    /// </summary>
    Task RunAndCheckpointAsync(string name, long position, Func<CancellationToken, ValueTask> work, CancellationToken ct = default);
}

/// <summary>Checkpoints for one process's lifetime.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<long> GetAsync(string name, CancellationToken ct = default) => new(_positions.GetValueOrDefault(name));

    /// <inheritdoc />
    public ValueTask SetAsync(string name, long position, CancellationToken ct = default)
    {
        _positions[name] = position;
        return default;
    }
}
