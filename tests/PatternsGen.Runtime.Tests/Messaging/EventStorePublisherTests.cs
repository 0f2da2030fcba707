using System.Diagnostics;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Messaging;

public sealed class EventStorePublisherTests
{
    private readonly InMemoryEventStore _store = new();
    private readonly InMemoryCheckpointStore _checkpoints = new();
    private readonly Journal _journal = new();

    [Fact]
    public async Task Pending_events_are_delivered_with_their_event_id_stream_and_version_and_the_checkpoint_moves_past_them()
    {
        await using var bus = NewBus(new InMemoryDeadLetterQueue());
        await _store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("order-1", 1), new OrderShipped("order-1")]);
        var publisher = new EventStorePublisher(_store, bus, _checkpoints, new EventStorePublisherOptions { BatchSize = 1 });

        Assert.Equal(2, await publisher.PublishPendingAsync());
        Assert.Equal(0, await publisher.PublishPendingAsync()); // nothing new

        Assert.Equal(["audit OrderShipped { OrderId = order-1 }", "placed order-1#1", "shipped order-1"], _journal.Seen.Order());
        Assert.Equal(2, await _checkpoints.GetAsync("event-bus"));
    }

    [Fact]
    public async Task Events_the_filter_leaves_out_are_not_delivered_and_the_checkpoint_moves_past_them()
    {
        await using var bus = NewBus(new InMemoryDeadLetterQueue());
        await _store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("order-1", 1), new OrderShipped("order-1")]);
        var publisher = new EventStorePublisher(_store, bus, _checkpoints, new EventStorePublisherOptions { Filter = static e => e.Data is OrderPlaced });

        Assert.Equal(1, await publisher.PublishPendingAsync());

        Assert.Equal(["placed order-1#1"], _journal.Seen);
        Assert.Equal(2, await _checkpoints.GetAsync("event-bus"));
    }

    [Fact]
    public async Task A_forwarded_events_handler_runs_in_the_trace_the_event_was_appended_in()
    {
        var processed = new System.Collections.Concurrent.ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static s => s.Name is "PatternsGen" or "publisher-tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = processed.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("publisher-tests");
        ActivityTraceId trace;
        using (var request = source.StartActivity("place order")!)
        {
            trace = request.TraceId;
            await _store.AppendAsync("order-7", ExpectedVersion.NoStream, [new OrderPlaced("order-7", 1)]);
        }

        await using var bus = NewBus(new InMemoryDeadLetterQueue());
        await new EventStorePublisher(_store, bus, _checkpoints).PublishPendingAsync(); // no activity around it, as in a background loop

        Assert.Contains(processed, a => a.DisplayName == "process test.order-placed" && a.TraceId == trace);
    }

    [Fact]
    public async Task A_dead_letter_that_cannot_be_stored_stops_the_publisher_before_its_checkpoint_moves()
    {
        await using var bus = NewBus(new BrokenDeadLetterQueue());
        _journal.Faults["placed order-1#1"] = -1;
        await _store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("order-1", 1)]);
        var publisher = new EventStorePublisher(_store, bus, _checkpoints);

        await Assert.ThrowsAsync<IOException>(() => publisher.PublishPendingAsync());

        Assert.Equal(0, await _checkpoints.GetAsync("event-bus")); // delivered again on the next run
    }

    [Fact]
    public async Task Run_forwards_events_appended_while_it_runs()
    {
        await using var bus = NewBus(new InMemoryDeadLetterQueue());
        using var stop = new CancellationTokenSource();
        var running = new EventStorePublisher(_store, bus, _checkpoints).RunAsync(stop.Token);

        await _store.AppendAsync("order-2", ExpectedVersion.NoStream, [new OrderShipped("order-2")]);
        for (var i = 0; i < 1_000_000 && await _checkpoints.GetAsync("event-bus") < 1; i++)
        {
            await Task.Yield(); // the append wakes the publisher at once: no poll, no clock
        }

        Assert.Equal(1, await _checkpoints.GetAsync("event-bus"));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Contains("shipped order-2", _journal.Seen);
    }

    private InMemoryEventBus NewBus(IDeadLetterQueue letters) =>
        new(PatternsGen.Generated.EventHandlers.Create(() => new AuditHandlers(_journal), () => new ShopHandlers(_journal)),
            new EventBusOptions { DeadLetters = letters, Retry = new RetryOptions { MaxAttempts = 1 } });

    private sealed class BrokenDeadLetterQueue : IDeadLetterQueue
    {
        public ValueTask AddAsync(DeadLetter letter, CancellationToken ct = default) => throw new IOException("disk full");

        public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct = default) => new([]);

        public ValueTask<bool> RemoveAsync(Guid id, CancellationToken ct = default) => new(false);

        public ValueTask<int> PurgeAsync(CancellationToken ct = default) => new(0);
    }
}
