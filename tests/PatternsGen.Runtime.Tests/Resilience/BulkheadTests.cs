using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class BulkheadTests
{
    private static Func<CancellationToken, ValueTask<int>> Blocked(TaskCompletionSource<int> gate, Calls? started = null) => _ =>
    {
        started?.Record();
        return new ValueTask<int>(gate.Task);
    };

    [Fact]
    public async Task Runs_up_to_the_limit_queues_up_to_the_queue_and_rejects_the_rest_without_calling()
    {
        var bulkhead = new Bulkhead(maxConcurrency: 2, maxQueue: 1, "inventory");
        var gate = new TaskCompletionSource<int>();
        var started = new Calls();

        var running = new[] { bulkhead.ExecuteAsync(Blocked(gate, started)), bulkhead.ExecuteAsync(Blocked(gate, started)) };
        var queued = bulkhead.ExecuteAsync(Blocked(gate, started));
        var rejected = await Assert.ThrowsAsync<BulkheadRejectedException>(() => bulkhead.ExecuteAsync(Blocked(gate, started)).AsTask());

        Assert.Equal((2, 1, 2), (bulkhead.Running, bulkhead.Queued, started.Count));
        Assert.Equal(("inventory", 2, 1), (rejected.Name, rejected.MaxConcurrency, rejected.MaxQueue));

        gate.SetResult(5);
        var results = await Task.WhenAll(running.Append(queued).Select(v => v.AsTask()));
        Assert.Equal([5, 5, 5], results);
        Assert.Equal((0, 0, 3), (bulkhead.Running, bulkhead.Queued, started.Count));
    }

    [Fact]
    public async Task Queued_callers_run_in_arrival_order()
    {
        var bulkhead = new Bulkhead(1, 10);
        var first = new TaskCompletionSource<int>();
        var order = new List<int>();
        var running = bulkhead.ExecuteAsync(Blocked(first));
        var queued = Enumerable.Range(1, 5)
            .Select(i => bulkhead.ExecuteAsync(_ => { lock (order) { order.Add(i); } return new ValueTask<int>(i); }).AsTask())
            .ToArray();

        first.SetResult(0);
        await running;
        await Task.WhenAll(queued);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_queued_caller_that_cancels_gives_its_place_back()
    {
        var bulkhead = new Bulkhead(1, 1);
        var gate = new TaskCompletionSource<int>();
        var running = bulkhead.ExecuteAsync(Blocked(gate));
        using var cts = new CancellationTokenSource();
        var waiting = bulkhead.ExecuteAsync(Calls.Succeed, cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, bulkhead.Queued);
        var next = bulkhead.ExecuteAsync(Calls.Succeed).AsTask(); // the freed place in the queue
        gate.SetResult(1);
        Assert.Equal(42, await next);
        await running;
        Assert.Equal(0, bulkhead.Running);
    }

    [Fact]
    public async Task A_failing_or_synchronously_throwing_call_releases_its_place()
    {
        var bulkhead = new Bulkhead(1, 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bulkhead.ExecuteAsync(Calls.Fail).AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => bulkhead.ExecuteAsync<int>(_ => throw new InvalidOperationException()).AsTask());

        Assert.Equal(42, await bulkhead.ExecuteAsync(Calls.Succeed));
        Assert.Equal(0, bulkhead.Running);
    }

    [Fact]
    public async Task Under_many_threads_no_more_than_the_limit_ever_run_and_every_call_completes()
    {
        var bulkhead = new Bulkhead(maxConcurrency: 3, maxQueue: 10_000);
        var inside = 0;
        var peak = 0;

        var calls = Enumerable.Range(0, 2_000).Select(i => Task.Run(() => bulkhead.ExecuteAsync(async _ =>
        {
            var now = Interlocked.Increment(ref inside);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }

            await Task.Yield();
            Interlocked.Decrement(ref inside);
            return i;
        }).AsTask())).ToArray();

        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(0, 2_000), results.Order());
        Assert.InRange(peak, 1, 3);
        Assert.Equal((0, 0), (bulkhead.Running, bulkhead.Queued));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -1)]
    public void Invalid_limits_are_rejected(int concurrency, int queue) =>
        Assert.ThrowsAny<ArgumentException>(() => new Bulkhead(concurrency, queue));
}
