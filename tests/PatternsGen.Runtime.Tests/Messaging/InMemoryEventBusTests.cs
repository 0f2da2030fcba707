using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.Messaging;
using PatternsGen.Resilience;
using PatternsGen.Runtime.Tests.Resilience;

namespace PatternsGen.Runtime.Tests.Messaging;

public sealed class InMemoryEventBusTests : IAsyncDisposable
{
    private readonly Journal _journal = new();
    private readonly WatchedClock _time = new();
    private InMemoryEventBus? _bus;

    private InMemoryEventBus Bus => _bus ??= NewBus(new RetryOptions { TimeProvider = _time, Jitter = false });

    [Fact]
    public async Task Every_handler_that_takes_an_event_gets_it_by_type_by_base_type_and_by_topic()
    {
        await Bus.PublishAsync(new OrderPlaced("o-1", 1));
        await Bus.PublishAsync(new OrderShipped("o-1"));
        await Bus.WhenIdleAsync();

        Assert.Equal(["audit OrderShipped { OrderId = o-1 }", "placed o-1#1", "shipped o-1"], _journal.Seen.Order());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_the_seeds_backoff_on_the_bus_clock()
    {
        var delays = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        _bus = NewBus(new RetryOptions { TimeProvider = _time, Jitter = false, OnRetry = retry => delays.Enqueue(retry.Delay) });
        _journal.Faults["placed o-1#1"] = 2;

        await Bus.PublishAsync(new OrderPlaced("o-1", 1));
        await _time.TimersCreated(1); // waiting out the first backoff
        _time.Advance(TimeSpan.FromSeconds(1));
        await _time.TimersCreated(2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Bus.WhenIdleAsync();

        Assert.Equal(["placed o-1#1"], _journal.Seen);
        Assert.Equal([1, 2, 3], _journal.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays); // the seed's: 1 s doubling
        Assert.Empty(await Bus.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task After_the_last_attempt_the_message_is_dead_lettered_and_can_be_replayed_or_purged()
    {
        _bus = NewBus(new RetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.Zero, TimeProvider = _time });
        _journal.Faults["placed o-1#1"] = 3;
        _journal.Faults["placed o-2#1"] = -1;

        await Bus.PublishAsync(new OrderPlaced("o-1", 1));
        await Bus.PublishAsync(new OrderPlaced("o-2", 1));
        await Bus.WhenIdleAsync();

        var letters = await Bus.DeadLetters.ListAsync();
        Assert.Equal(2, letters.Count);
        var letter = Assert.Single(letters, static l => ((OrderPlaced)l.Message.Event).OrderId == "o-1");
        Assert.Equal(("PatternsGen.Runtime.Tests.Messaging.ShopHandlers.OnPlaced", 3, "placed o-1#1 failed (attempt 3)"), (letter.Handler, letter.Attempts, letter.Error));

        // o-1's fault has cleared: replaying it succeeds and its letter goes. o-2 is poison: replayed, it is
        // dead-lettered anew and the old letter goes, so it is there once; then it is purged.
        Assert.Equal(1, await Bus.ReplayDeadLettersAsync(static l => ((OrderPlaced)l.Message.Event).OrderId == "o-1"));
        Assert.Equal(["placed o-1#1"], _journal.Seen);
        var poison = Assert.Single(await Bus.DeadLetters.ListAsync());
        Assert.Equal(1, await Bus.ReplayDeadLettersAsync());
        Assert.NotEqual(poison.Id, Assert.Single(await Bus.DeadLetters.ListAsync()).Id);
        Assert.Equal(1, await Bus.DeadLetters.PurgeAsync());
        Assert.Empty(await Bus.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task Messages_with_one_key_reach_a_handler_in_order_even_when_one_of_them_is_retried()
    {
        _bus = NewBus(new RetryOptions { MaxAttempts = 5, InitialDelay = TimeSpan.Zero, TimeProvider = _time });
        _journal.Faults["placed a#3"] = 2;
        for (var n = 1; n <= 50; n++)
        {
            foreach (var key in new[] { "a", "b", "c" })
            {
                await Bus.PublishAsync(new EventMessage(new OrderPlaced(key, n), key: key, sequence: n));
            }
        }

        await Bus.WhenIdleAsync();

        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.Equal(Enumerable.Range(1, 50).Select(n => $"placed {key}#{n}"), _journal.Seen.Where(s => s.StartsWith($"placed {key}#", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task The_inbox_skips_a_message_id_its_handler_has_handled_and_other_handlers_still_get_it()
    {
        var message = new EventMessage(new OrderShipped("o-1"));

        await Bus.PublishAsync(message);
        await Bus.WhenIdleAsync();
        await Bus.PublishAsync(message); // redelivered, e.g. after a crash
        await Bus.WhenIdleAsync();

        Assert.Single(_journal.Seen, "shipped o-1");
        Assert.Equal(2, _journal.Seen.Count(static s => s.StartsWith("audit", StringComparison.Ordinal))); // [Idempotent], no inbox
    }

    [Fact]
    public async Task Deliver_completes_only_when_every_handler_has_handled_or_dead_lettered_the_message()
    {
        _bus = NewBus(new RetryOptions { MaxAttempts = 2, InitialDelay = TimeSpan.FromSeconds(10), Jitter = false, TimeProvider = _time });
        _journal.Faults["audit OrderShipped { OrderId = o-1 }"] = -1;

        var delivered = Bus.DeliverAsync(new EventMessage(new OrderShipped("o-1")));
        await _time.TimersCreated(1);
        Assert.False(delivered.IsCompleted); // the audit handler waits 10 s (fake) for its retry

        _time.Advance(TimeSpan.FromSeconds(10));
        await delivered.WaitAsync(TimeSpan.FromSeconds(30)); // a bound, so that a broken bus fails instead of hanging
        Assert.Single(await Bus.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task AddPatternsGen_registers_the_handlers_and_the_bus_and_serves_each_message_from_a_new_scope()
    {
        var services = new ServiceCollection()
            .AddSingleton(_journal)
            .AddSingleton(new EventBusOptions { Retry = new RetryOptions { TimeProvider = _time } })
            .AddPatternsGen()
            .AddPatternsGen(); // twice is harmless
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var bus = provider.GetRequiredService<IEventBus>();
        await bus.PublishAsync(new OrderShipped("o-9"));
        await provider.GetRequiredService<InMemoryEventBus>().WhenIdleAsync();

        Assert.Same(bus, provider.GetRequiredService<InMemoryEventBus>());
        Assert.Equal(["audit OrderShipped { OrderId = o-9 }", "shipped o-9"], _journal.Seen.Order());
        Assert.Equal(3, provider.GetRequiredService<InMemoryEventBus>().Handlers.Count);
    }

    [Fact]
    public void Two_handlers_with_one_name_are_refused()
    {
        var handlers = PatternsGen.Generated.EventHandlers.Create(() => new AuditHandlers(_journal), () => new ShopHandlers(_journal));

        var error = Assert.Throws<ArgumentException>(() => new InMemoryEventBus([.. handlers, handlers[0]]));
        Assert.Contains("AuditHandlers.OnAny", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }
    }

    private InMemoryEventBus NewBus(RetryOptions retry) =>
        new(PatternsGen.Generated.EventHandlers.Create(() => new AuditHandlers(_journal), () => new ShopHandlers(_journal)), new EventBusOptions { Retry = retry });
}
