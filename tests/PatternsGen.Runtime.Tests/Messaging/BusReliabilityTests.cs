using System.Collections.Concurrent;
using PatternsGen.Messaging;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Messaging;

public sealed class BusReliabilityTests
{
    /// <summary>
    /// 10,000 messages, each also delivered a second time (a redelivery after a crash). One in five fails
    /// transiently 1–3 times; one in a hundred is poison and always fails. Every good message is handled
    /// exactly once (the inbox absorbs the redeliveries), every poison one is dead-lettered, nothing is lost.
    /// </summary>
    [Fact]
    public async Task Ten_thousand_messages_with_20_percent_transient_failures_are_all_handled_once_and_the_poison_ones_dead_lettered()
    {
        const int count = 10_000;
        var handler = new FlakyHandler();
        await using var bus = new InMemoryEventBus(
            handler.Registrations(),
            new EventBusOptions { Retry = new RetryOptions { MaxAttempts = 5, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero } });

        // Half with a key (one stream's order), half without.
        var messages = Enumerable.Range(0, count)
            .Select(static n => n % 2 == 0 ? new EventMessage(new Work(n), key: $"stream-{n % 97}", sequence: n) : new EventMessage(new Work(n)))
            .ToList();
        foreach (var message in messages.Concat(messages))
        {
            await bus.PublishAsync(message);
        }

        await bus.WhenIdleAsync();

        var poison = Enumerable.Range(0, count).Where(FlakyHandler.IsPoison).ToHashSet();
        var letters = await bus.DeadLetters.ListAsync();
        Assert.Equal(poison.Order(), letters.Select(static l => ((Work)l.Message.Event).Number).Distinct().Order());
        Assert.All(letters, static l => Assert.Equal(5, l.Attempts));
        Assert.Equal(Enumerable.Range(0, count).Where(n => !poison.Contains(n)), handler.Handled.Keys.Order());
        Assert.All(handler.Handled, static pair => Assert.Equal(1, pair.Value)); // no duplicate reached the handler's effect
        Assert.True(handler.Failures > count / 5, $"only {handler.Failures} transient failures were injected");
    }

    public sealed record Work(int Number);

    private sealed class FlakyHandler
    {
        private readonly ConcurrentDictionary<int, int> _attempts = new();
        private int _failures;

        public ConcurrentDictionary<int, int> Handled { get; } = new();

        public int Failures => _failures;

        public static bool IsPoison(int n) => n % 100 == 42;

        // Deterministic faults: one in five numbers fails its first 1–3 attempts.
        private static int TransientFaults(int n) => n % 5 == 0 ? 1 + (n / 5 % 3) : 0;

        public EventHandlerRegistration[] Registrations() =>
            [new("Reliability.Work", typeof(Work), null, usesInbox: true, (e, _, _) => Handle((Work)e))];

        private ValueTask Handle(Work work)
        {
            var attempt = _attempts.AddOrUpdate(work.Number, 1, static (_, a) => a + 1);
            if (IsPoison(work.Number) || attempt <= TransientFaults(work.Number))
            {
                Interlocked.Increment(ref _failures);
                throw new TimeoutException($"work {work.Number} attempt {attempt}");
            }

            Handled.AddOrUpdate(work.Number, 1, static (_, c) => c + 1);
            return default;
        }
    }
}
