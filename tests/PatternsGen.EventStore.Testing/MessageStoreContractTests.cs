using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.Testing;

/// <summary>What the bus and the readers of the global stream need kept: checkpoints, the inbox, dead letters.</summary>
public interface IMessageStore : ICheckpointStore, IInbox, IDeadLetterQueue;

/// <summary>
/// What every checkpoint store, inbox and dead-letter queue must do, run against each implementation by
/// subclassing. <see cref="ReopenAsync"/> gives a second instance on the same data: durable ones must
/// see what the first wrote.
/// </summary>
public abstract class MessageStoreContractTests
{
    /// <summary>A new, empty store. May skip the test when its database is not available.</summary>
    protected abstract Task<IMessageStore> CreateAsync();

    /// <summary>Another instance on the data of the last <see cref="CreateAsync"/>; null when the store keeps nothing beyond its instance.</summary>
    protected abstract Task<IMessageStore?> ReopenAsync();

    [SkippableFact]
    public async Task A_checkpoint_starts_at_0_and_keeps_the_last_position_set_per_name()
    {
        var store = await CreateAsync();
        Assert.Equal(0, await store.GetAsync("projection"));

        await store.SetAsync("projection", 41);
        await store.SetAsync("projection", 42);
        await store.SetAsync("bus", 7);

        Assert.Equal(42, await store.GetAsync("projection"));
        Assert.Equal(7, await store.GetAsync("bus"));
        if (await ReopenAsync() is { } reopened)
        {
            Assert.Equal(42, await reopened.GetAsync("projection"));
        }
    }

    [SkippableFact]
    public async Task The_inbox_remembers_each_message_per_handler_and_marking_twice_is_harmless()
    {
        var store = await CreateAsync();
        var message = Guid.NewGuid();
        Assert.False(await store.HasHandledAsync("A", message));

        await store.MarkHandledAsync("A", message);
        await store.MarkHandledAsync("A", message);

        Assert.True(await store.HasHandledAsync("A", message));
        Assert.False(await store.HasHandledAsync("B", message));
        Assert.False(await store.HasHandledAsync("A", Guid.NewGuid()));
        if (await ReopenAsync() is { } reopened)
        {
            Assert.True(await reopened.HasHandledAsync("A", message));
        }
    }

    [SkippableFact]
    public async Task Dead_letters_keep_the_whole_message_in_order_and_can_be_removed_and_purged()
    {
        var store = await CreateAsync();
        var failedAt = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
        var first = new DeadLetter(Guid.NewGuid(),
            new EventMessage(new Tick(1, "b"), Guid.NewGuid(), key: "stream-1", sequence: 3) { CorrelationId = "corr", CausationId = "cause" },
            "Shop.Handlers.OnTick", "System.TimeoutException", "timed out", 5, failedAt);
        var second = new DeadLetter(Guid.NewGuid(), new EventMessage(new Tick(2, "b")), "Shop.Handlers.OnTick", "System.Exception", "boom", 1, failedAt.AddSeconds(1));

        await store.AddAsync(first);
        await store.AddAsync(second);

        var letters = await ((await ReopenAsync()) ?? store).ListAsync();
        Assert.Equal([first.Id, second.Id], letters.Select(static l => l.Id));
        var read = letters[0];
        Assert.Equal((first.Handler, first.ErrorType, first.Error, first.Attempts, first.FailedAt), (read.Handler, read.ErrorType, read.Error, read.Attempts, read.FailedAt));
        Assert.Equal(new Tick(1, "b"), read.Message.Event);
        Assert.Equal((first.Message.MessageId, "stream-1", 3L, "corr", "cause", first.Message.Topic),
            (read.Message.MessageId, read.Message.Key, read.Message.Sequence, read.Message.CorrelationId, read.Message.CausationId, read.Message.Topic));

        Assert.True(await store.RemoveAsync(first.Id));
        Assert.False(await store.RemoveAsync(first.Id));
        Assert.Equal(1, await store.PurgeAsync());
        Assert.Empty(await store.ListAsync());
    }
}

/// <summary>Puts a checkpoint store, an inbox and a dead-letter queue (often one object) behind <see cref="IMessageStore"/>.</summary>
public sealed class MessageStore(ICheckpointStore checkpoints, IInbox inbox, IDeadLetterQueue letters) : IMessageStore
{
    /// <summary>A store that implements all three itself, like the SQLite and PostgreSQL event stores.</summary>
    public static MessageStore Over<T>(T store)
        where T : ICheckpointStore, IInbox, IDeadLetterQueue => new(store, store, store);

    public ValueTask<long> GetAsync(string name, CancellationToken ct = default) => checkpoints.GetAsync(name, ct);

    public ValueTask SetAsync(string name, long position, CancellationToken ct = default) => checkpoints.SetAsync(name, position, ct);

    public ValueTask<bool> HasHandledAsync(string handler, Guid messageId, CancellationToken ct = default) => inbox.HasHandledAsync(handler, messageId, ct);

    public ValueTask MarkHandledAsync(string handler, Guid messageId, CancellationToken ct = default) => inbox.MarkHandledAsync(handler, messageId, ct);

    public ValueTask AddAsync(DeadLetter letter, CancellationToken ct = default) => letters.AddAsync(letter, ct);

    public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default) => letters.ListAsync(ct);

    public ValueTask<bool> RemoveAsync(Guid id, CancellationToken ct = default) => letters.RemoveAsync(id, ct);

    public ValueTask<int> PurgeAsync(CancellationToken ct = default) => letters.PurgeAsync(ct);
}
