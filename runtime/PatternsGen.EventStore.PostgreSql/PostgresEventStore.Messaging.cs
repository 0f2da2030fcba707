using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.PostgreSql;

// The store's schema also keeps what the bus and the readers of the global stream must not lose:
// checkpoints, the inbox and the dead-letter queue, shared by every service instance on the database.
// Implemented explicitly: pass the store where an ICheckpointStore, IInbox or IDeadLetterQueue is asked for.
public sealed partial class PostgresEventStore : ICheckpointStore, IInbox, IDeadLetterQueue
{
    /// <inheritdoc />
    ValueTask<long> ICheckpointStore.GetAsync(string name, CancellationToken ct) => _store.GetCheckpointAsync(name, ct);

    /// <inheritdoc />
    ValueTask ICheckpointStore.SetAsync(string name, long position, CancellationToken ct) => _store.SetCheckpointAsync(name, position, ct);

    /// <inheritdoc />
    ValueTask<bool> IInbox.HasHandledAsync(string handler, Guid messageId, CancellationToken ct) => _store.HasHandledAsync(handler, messageId, ct);

    /// <inheritdoc />
    ValueTask IInbox.MarkHandledAsync(string handler, Guid messageId, CancellationToken ct) => _store.MarkHandledAsync(handler, messageId, ct);

    /// <inheritdoc />
    ValueTask IDeadLetterQueue.AddAsync(DeadLetter letter, CancellationToken ct) => _store.AddDeadLetterAsync(letter, ct);

    /// <inheritdoc />
    ValueTask<IReadOnlyList<DeadLetter>> IDeadLetterQueue.ListAsync(CancellationToken ct) => _store.ListDeadLettersAsync(ct);

    /// <inheritdoc />
    ValueTask<bool> IDeadLetterQueue.RemoveAsync(Guid id, CancellationToken ct) => _store.RemoveDeadLetterAsync(id, ct);

    /// <inheritdoc />
    ValueTask<int> IDeadLetterQueue.PurgeAsync(CancellationToken ct) => _store.PurgeDeadLettersAsync(ct);
}
