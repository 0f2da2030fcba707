using Microsoft.Extensions.Time.Testing;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Runtime.Tests.Resilience;

namespace PatternsGen.Runtime.Tests.EventSourcing;

/// <summary>A store that cannot signal appends (another process's appends look like this): the subscription finds them by polling.</summary>
public sealed class SubscriptionPollingTests
{
    [Fact]
    public async Task Without_an_append_signal_new_events_arrive_at_the_next_poll_and_not_before()
    {
        var clock = new FakeTimeProvider();
        var store = new SilentStore(new InMemoryEventStore());
        using var cts = new CancellationTokenSource();
        var options = new SubscriptionOptions { TimeProvider = clock, PollInterval = TimeSpan.FromSeconds(2) };
        await using var subscription = store.SubscribeToAllAsync(0, options, cts.Token).GetAsyncEnumerator();

        var next = subscription.MoveNextAsync().AsTask(); // empty store: the subscription now waits for its poll
        await store.AppendAsync("s", ExpectedVersion.NoStream, [new Tick(1, "polled")]);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Yield();
        Assert.False(next.IsCompleted);

        await clock.AdvanceUntilAsync(() => next.IsCompleted, TimeSpan.FromMilliseconds(100));
        Assert.True(await next);
        Assert.Equal(new Tick(1, "polled"), subscription.Current.Data);
    }

    [Fact]
    public async Task Cancelling_ends_a_waiting_subscription()
    {
        var store = new InMemoryEventStore();
        using var cts = new CancellationTokenSource();
        await using var subscription = store.SubscribeToAllAsync(0, null, cts.Token).GetAsyncEnumerator();

        var next = subscription.MoveNextAsync().AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private sealed class SilentStore(IEventStore inner) : IEventStore
    {
        public ValueTask<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken ct = default) =>
            inner.AppendAsync(streamId, expectedVersion, events, ct);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken ct = default) =>
            inner.ReadStreamAsync(streamId, fromVersion, ct);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 0, CancellationToken ct = default) =>
            inner.ReadAllAsync(fromPosition, ct);
    }
}
