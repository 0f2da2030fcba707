using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore;

/// <summary>
/// What the bus and the readers of the global stream must not lose, kept in a SQL store's database beside the events:
/// checkpoints, the inbox, the dead-letter queue and the leases that elect one instance for a piece of work. A store implements this and gets the three from
/// <see cref="SqlStore"/>; they stay explicit, so a store is passed where one of them is asked for.
/// </summary>
internal interface ISqlMessageStore : ITransactionalCheckpointStore, IInbox, IDeadLetterQueue, ILeaseStore
{
    SqlStore Sql { get; }

    ValueTask<long> ICheckpointStore.GetAsync(string name, CancellationToken ct) => Sql.GetCheckpointAsync(name, ct);

    ValueTask ICheckpointStore.SetAsync(string name, long position, CancellationToken ct) => Sql.SetCheckpointAsync(name, position, ct);

    Task ITransactionalCheckpointStore.RunAndCheckpointAsync(string name, long position, Func<CancellationToken, ValueTask> work, CancellationToken ct) =>
        Sql.RunAndCheckpointAsync(name, position, work, ct);

    ValueTask<bool> IInbox.HasHandledAsync(string handler, Guid messageId, CancellationToken ct) => Sql.HasHandledAsync(handler, messageId, ct);

    ValueTask IInbox.MarkHandledAsync(string handler, Guid messageId, CancellationToken ct) => Sql.MarkHandledAsync(handler, messageId, ct);

    ValueTask IDeadLetterQueue.AddAsync(DeadLetter letter, CancellationToken ct) => Sql.AddDeadLetterAsync(letter, ct);

    ValueTask<IReadOnlyList<DeadLetter>> IDeadLetterQueue.ListAsync(CancellationToken ct) => Sql.ListDeadLettersAsync(ct);

    ValueTask<bool> IDeadLetterQueue.RemoveAsync(Guid id, CancellationToken ct) => Sql.RemoveDeadLetterAsync(id, ct);

    ValueTask<int> IDeadLetterQueue.PurgeAsync(CancellationToken ct) => Sql.PurgeDeadLettersAsync(ct);

    ValueTask<long?> ILeaseStore.TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct) =>
        Sql.TryAcquireLeaseAsync(name, owner, duration, ct);

    ValueTask ILeaseStore.ReleaseLeaseAsync(string name, string owner, CancellationToken ct) => Sql.ReleaseLeaseAsync(name, owner, ct);

    ValueTask<IReadOnlyList<Lease>> ILeaseStore.ListLeasesAsync(string prefix, CancellationToken ct) => Sql.ListLeasesAsync(prefix, ct);

    ValueTask<int> ILeaseStore.ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct) => Sql.ForgetLeasesAsync(prefix, expiredFor, ct);
}
