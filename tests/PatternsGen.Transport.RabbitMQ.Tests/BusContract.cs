using System.Collections.Concurrent;
using System.Diagnostics;
using PatternsGen.Diagnostics;
using PatternsGen.Hosting.Tests;
using PatternsGen.Messaging;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>
/// What every bus promises, whatever carries its messages: each test runs on the in-memory bus and on RabbitMQ.
/// </summary>
public abstract class BusContract
{
    protected abstract Task<IBusUnderTest> StartAsync(IReadOnlyList<EventHandlerRegistration> handlers, RetryShape? retry = null, IInbox? inbox = null);

    private static EventHandlerRegistration Handler<TEvent>(string name, Func<TEvent, EventContext, ValueTask> handle, bool inbox = false) =>
        new(name, typeof(TEvent), null, inbox, (e, context, _) => handle((TEvent)e, context));

    [SkippableFact]
    public async Task Every_handler_that_takes_an_event_gets_it_once()
    {
        var byType = new ConcurrentBag<string>();
        var byTopic = new ConcurrentBag<string>();
        EventHandlerRegistration[] handlers =
        [
            Handler<OrderPlaced>("Contract.ByType", (e, _) => { byType.Add(e.OrderId); return default; }),
            new("Contract.ByTopic", null, "transport-tests.order-placed", false, (e, _, _) => { byTopic.Add(((OrderPlaced)e).OrderId); return default; }),
        ];
        await using var bus = await StartAsync(handlers);

        foreach (var id in new[] { "a", "b", "c" })
        {
            await bus.Bus.PublishAsync(new OrderPlaced(id, 1));
        }

        await Eventually.Until(() => byType.Count == 3 && byTopic.Count == 3);
        Assert.Equal(["a", "b", "c"], byType.Order());
        Assert.Equal(["a", "b", "c"], byTopic.Order());
    }

    [SkippableFact]
    public async Task A_failing_handler_is_retried_and_told_its_attempt()
    {
        var attempts = new ConcurrentQueue<int>();
        var handlers = new[]
        {
            Handler<OrderPlaced>("Contract.FailsTwice", (_, context) =>
            {
                attempts.Enqueue(context.Attempt);
                return context.Attempt <= 2 ? throw new InvalidOperationException("not yet") : default;
            }),
        };
        await using var bus = await StartAsync(handlers);

        await bus.Bus.PublishAsync(new OrderPlaced("r", 1));

        await Eventually.Until(() => attempts.Count == 3);
        Assert.Equal([1, 2, 3], attempts);
        Assert.Empty(await bus.DeadLetters.ListAsync());
    }

    [SkippableFact]
    public async Task After_the_last_attempt_the_message_is_a_dead_letter_that_can_be_replayed_and_purged()
    {
        var healthy = false;
        var handled = new ConcurrentBag<string>();
        var handlers = new[]
        {
            Handler<OrderPlaced>("Contract.Poisoned", (e, _) =>
            {
                if (!Volatile.Read(ref healthy))
                {
                    throw new InvalidOperationException($"order {e.OrderId} is poison");
                }

                handled.Add(e.OrderId);
                return default;
            }),
        };
        await using var bus = await StartAsync(handlers, new RetryShape(2, TimeSpan.FromMilliseconds(10)));

        await bus.Bus.PublishAsync(new OrderPlaced("p1", 1));
        var letters = await EventuallyLettersAsync(bus, 1);
        var letter = Assert.Single(letters);
        Assert.Equal("Contract.Poisoned", letter.Handler);
        Assert.Equal(2, letter.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ErrorType);
        Assert.Equal("order p1 is poison", letter.Error);
        Assert.Equal(new OrderPlaced("p1", 1), letter.Message.Event);

        Volatile.Write(ref healthy, true);
        Assert.Equal(1, await bus.ReplayDeadLettersAsync());
        await Eventually.Until(() => handled.Contains("p1"));
        Assert.Empty(await bus.DeadLetters.ListAsync());

        Volatile.Write(ref healthy, false);
        await bus.Bus.PublishAsync(new OrderPlaced("p2", 1));
        await EventuallyLettersAsync(bus, 1);
        Assert.Equal(1, await bus.DeadLetters.PurgeAsync());
        Assert.Empty(await bus.DeadLetters.ListAsync());
    }

    [SkippableFact]
    public async Task A_letter_can_be_removed_by_its_id()
    {
        var handlers = new[] { Handler<OrderPlaced>("Contract.AlwaysFails", (_, _) => throw new InvalidOperationException("no")) };
        await using var bus = await StartAsync(handlers, new RetryShape(1, TimeSpan.FromMilliseconds(10)));

        await bus.Bus.PublishAsync(new OrderPlaced("x", 1));
        await bus.Bus.PublishAsync(new OrderPlaced("y", 1));
        var letters = await EventuallyLettersAsync(bus, 2);

        var x = letters.Single(l => ((OrderPlaced)l.Message.Event).OrderId == "x");
        Assert.True(await bus.DeadLetters.RemoveAsync(x.Id));
        Assert.False(await bus.DeadLetters.RemoveAsync(x.Id));
        Assert.Equal("y", ((OrderPlaced)Assert.Single(await bus.DeadLetters.ListAsync()).Message.Event).OrderId);
    }

    [SkippableFact]
    public async Task The_inbox_skips_a_message_it_has_seen_and_other_handlers_do_not()
    {
        var withInbox = 0;
        var without = 0;
        EventHandlerRegistration[] handlers =
        [
            Handler<OrderPlaced>("Contract.WithInbox", (_, _) => { Interlocked.Increment(ref withInbox); return default; }, inbox: true),
            Handler<OrderPlaced>("Contract.WithoutInbox", (_, _) => { Interlocked.Increment(ref without); return default; }),
        ];
        await using var bus = await StartAsync(handlers, inbox: new InMemoryInbox());

        var message = new EventMessage(new OrderPlaced("i", 1));
        await bus.PublishAsync(message);
        await Eventually.Until(() => Volatile.Read(ref withInbox) == 1 && Volatile.Read(ref without) == 1);
        await bus.PublishAsync(message); // the same id again: a redelivery
        await Eventually.Until(() => Volatile.Read(ref without) == 2);
        await bus.PublishAsync(new EventMessage(new OrderPlaced("sentinel", 1)));
        await Eventually.Until(() => Volatile.Read(ref without) == 3 && Volatile.Read(ref withInbox) == 2);

        Assert.Equal(2, withInbox); // "i" once, then the sentinel: the repeat was skipped
    }

    [SkippableFact]
    public async Task Messages_with_one_key_reach_a_handler_in_order()
    {
        const int keys = 8;
        const int perKey = 25;
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var handlers = new[]
        {
            Handler<OrderPlaced>("Contract.Ordered", async (e, context) =>
            {
                await Task.Yield();
                seen.GetOrAdd(context.Key!, _ => new()).Enqueue(context.Sequence);
            }),
        };
        await using var bus = await StartAsync(handlers);

        for (var sequence = 1; sequence <= perKey; sequence++)
        {
            for (var k = 0; k < keys; k++)
            {
                await bus.PublishAsync(new EventMessage(new OrderPlaced("k" + k, sequence), key: "order-" + k, sequence: sequence));
            }
        }

        await Eventually.Until(() => seen.Values.Sum(q => q.Count) == keys * perKey);
        foreach (var (key, sequence) in seen)
        {
            Assert.True(sequence.SequenceEqual(Enumerable.Range(1, perKey).Select(i => (long)i)), $"{key}: {string.Join(",", sequence)}");
        }
    }

    [SkippableFact]
    public async Task Trace_context_baggage_and_correlation_travel_with_the_message()
    {
        using var listener = ListenToTraces();
        using var source = new ActivitySource("Contract.Tests");
        var seen = new TaskCompletionSource<(ActivityTraceId Trace, string? Baggage, string? Correlation, string? Causation)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = new[]
        {
            Handler<OrderPlaced>("Contract.Traced", (_, context) =>
            {
                var current = Activity.Current;
                seen.TrySetResult((current?.TraceId ?? default, current?.GetBaggageItem("tenant"), context.CorrelationId, context.CausationId));
                return default;
            }),
        };
        await using var bus = await StartAsync(handlers);

        ActivityTraceId trace;
        using (var request = source.StartActivity("request")!)
        {
            request.AddBaggage("tenant", "acme");
            trace = request.TraceId;
            await bus.Bus.DeliverAsync(new EventMessage(new OrderPlaced("t", 1)) { CorrelationId = "order-t", CausationId = "command-1" });
        }

        var (handlerTrace, baggage, correlation, causation) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(trace, handlerTrace);
        Assert.Equal("acme", baggage);
        Assert.Equal("order-t", correlation);
        Assert.Equal("command-1", causation);
    }

    [SkippableFact]
    public async Task A_stored_events_message_continues_the_trace_it_was_appended_in()
    {
        using var listener = ListenToTraces();
        using var source = new ActivitySource("Contract.Tests");
        var seen = new TaskCompletionSource<ActivityTraceId>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bus = await StartAsync([Handler<OrderPlaced>("Contract.StoredTrace", (_, _) =>
        {
            seen.TrySetResult(Activity.Current?.TraceId ?? default);
            return default;
        })]);
        var store = new PatternsGen.EventSourcing.InMemoryEventStore();

        ActivityTraceId trace;
        using (var request = source.StartActivity("request")!)
        {
            trace = request.TraceId;
            await store.AppendAsync("order-s", PatternsGen.EventSourcing.ExpectedVersion.NoStream, [new OrderPlaced("s", 1)]);
        }

        // As a store publisher forwards it: later, outside the request's activity.
        await bus.Bus.DeliverAsync(EventMessage.From(Assert.Single(await store.ReadAllAsync().ToListAsync())));

        Assert.Equal(trace, await seen.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>Records PatternsGen's spans and the tests' own, so that trace context is made and passed on.</summary>
    private static ActivityListener ListenToTraces()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name is PatternsGenDiagnostics.Name or "Contract.Tests",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static async Task<IReadOnlyList<DeadLetter>> EventuallyLettersAsync(IBusUnderTest bus, int count)
    {
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var letters = await bus.DeadLetters.ListAsync();
            if (letters.Count >= count)
            {
                return letters;
            }

            Assert.True(DateTime.UtcNow < limit, $"{letters.Count} of {count} dead letters within 30 s.");
            await Task.Delay(20);
        }
    }
}

/// <summary>The contract on the embedded bus.</summary>
public sealed class InMemoryBusContract : BusContract
{
    protected override Task<IBusUnderTest> StartAsync(IReadOnlyList<EventHandlerRegistration> handlers, RetryShape? retry, IInbox? inbox) =>
        Task.FromResult<IBusUnderTest>(new InMemoryBusUnderTest(new InMemoryEventBus(handlers, new EventBusOptions
        {
            Retry = (retry ?? RetryShape.Quick).Options(),
            Inbox = inbox ?? new InMemoryInbox(),
        })));
}

/// <summary>The contract on RabbitMQ, each test in names of its own.</summary>
public sealed class RabbitMqBusContract : BusContract
{
    protected override async Task<IBusUnderTest> StartAsync(IReadOnlyList<EventHandlerRegistration> handlers, RetryShape? retry, IInbox? inbox)
    {
        var options = Broker.Options(Broker.UniqueName("svc"), Broker.UniqueName("events"), retry);
        if (inbox is not null)
        {
            options.Inbox = inbox;
        }

        var bus = new PatternsGen.Messaging.RabbitMQ.RabbitMqEventBus(handlers, options);
        await bus.StartAsync();
        return new RabbitMqBusUnderTest(bus, handlers);
    }
}
