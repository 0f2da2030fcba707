using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class ResiliencePipelineBuilderTests
{
    private readonly FakeTimeProvider _clock = new();

    private CircuitBreaker Breaker(int failures) =>
        new(new CircuitBreakerOptions { FailureThreshold = failures, BreakDuration = TimeSpan.FromDays(1), TimeProvider = _clock });

    private RetryPolicy Retry(int attempts) =>
        new(new RetryOptions { MaxAttempts = attempts, InitialDelay = TimeSpan.FromSeconds(1), Jitter = false, TimeProvider = _clock });

    [Fact]
    public async Task The_order_of_Add_is_the_order_of_the_strategies_outermost_first()
    {
        // A breaker outside the retry counts whole calls: three failed attempts are one failure.
        var outside = Breaker(failures: 2);
        var breakerFirst = new ResiliencePipelineBuilder().Add(outside).Add(Retry(attempts: 3)).Build();
        var run = breakerFirst.ExecuteAsync(Calls.Fail).AsTask();
        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal(CircuitState.Closed, outside.State);

        // Inside the retry it counts every attempt: the second opens it.
        var inside = Breaker(failures: 2);
        var retryFirst = new ResiliencePipelineBuilder().Add(Retry(attempts: 3)).Add(inside).Build();
        run = retryFirst.ExecuteAsync(Calls.Fail).AsTask();
        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => run);
        Assert.Equal(CircuitState.Open, inside.State);
    }

    [Fact]
    public async Task A_timeout_takes_the_builders_name_and_clock_at_Build()
    {
        var builder = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(2));
        builder.Name = "payments";
        builder.TimeProvider = _clock;
        var pipeline = builder.Build();

        var run = pipeline.ExecuteAsync(async ct => { await Task.Delay(Timeout.Infinite, ct); return 0; }).AsTask();
        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => run);
        Assert.Equal(("payments", TimeSpan.FromSeconds(2)), (timeout.Name, timeout.Timeout));
    }

    [Fact]
    public async Task A_pipeline_is_a_strategy_and_nests_in_another()
    {
        var bulkhead = new Bulkhead(maxConcurrency: 1, maxQueue: 0);
        var inner = new ResiliencePipelineBuilder().Add(bulkhead).Build();
        var outer = new ResiliencePipelineBuilder().Add(Retry(attempts: 2)).Add(inner).Build();
        var gate = new TaskCompletionSource<int>();

        var running = outer.ExecuteAsync(_ => new ValueTask<int>(gate.Task));
        Assert.Equal(1, bulkhead.Running);
        var rejected = outer.ExecuteAsync(Calls.Succeed).AsTask();
        await _clock.AdvanceUntilAsync(() => rejected.IsCompleted, TimeSpan.FromMilliseconds(250));
        await Assert.ThrowsAsync<BulkheadRejectedException>(() => rejected); // retried once, rejected twice

        gate.SetResult(3);
        Assert.Equal(3, await running);
        Assert.Equal(0, bulkhead.Running);
    }

    [Fact]
    public async Task Every_strategy_offers_the_same_four_calls_and_none_throws_synchronously()
    {
        ResilienceStrategy[] strategies =
        [
            Breaker(failures: 5),
            Retry(attempts: 1),
            new Bulkhead(1, 0),
            new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(1)).Build(),
            new ResiliencePipelineBuilder().Build(),
        ];
        foreach (var strategy in strategies)
        {
            Assert.Equal(42, await strategy.ExecuteAsync(Calls.Succeed));
            Assert.Equal(43, await strategy.ExecuteAsync(static (n, _) => new ValueTask<int>(n), 43));
            await strategy.ExecuteAsync(_ => ValueTask.CompletedTask);
            await strategy.ExecuteAsync(static (_, _) => ValueTask.CompletedTask, 0);

            var thrown = strategy.ExecuteAsync<int>(_ => throw new InvalidOperationException("sync"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => thrown.AsTask());
            Assert.Throws<ArgumentNullException>(() => { _ = strategy.ExecuteAsync<int>(null!); });
        }
    }

    [Fact]
    public void Pipelines_built_by_one_builder_share_its_strategies()
    {
        var breaker = Breaker(failures: 1);
        var builder = new ResiliencePipelineBuilder().Add(breaker);

        Assert.Same(builder.Build().CircuitBreaker, builder.Build().CircuitBreaker);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTimeout(TimeSpan.Zero));
        Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
    }
}
