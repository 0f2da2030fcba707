using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class ResiliencePipelineTests
{
    private readonly FakeTimeProvider _clock = new();

    private ResiliencePipeline Create(Bulkhead? bulkhead = null, TimeSpan? total = null, TimeSpan? attempt = null, int attempts = 3, int failures = 5, TimeSpan? breakFor = null) =>
        new(new ResiliencePipelineOptions
        {
            Name = "shipping",
            Bulkhead = bulkhead,
            TotalTimeout = total,
            Retry = new RetryPolicy(new RetryOptions { MaxAttempts = attempts, InitialDelay = TimeSpan.FromSeconds(1), Jitter = false, TimeProvider = _clock }),
            CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions { FailureThreshold = failures, BreakDuration = breakFor ?? TimeSpan.FromSeconds(30), TimeProvider = _clock }),
            AttemptTimeout = attempt,
            TimeProvider = _clock,
        });

    [Fact]
    public async Task Each_retry_attempt_goes_through_the_breaker()
    {
        var pipeline = Create(attempts: 5, failures: 2);
        var calls = new Calls();

        var run = pipeline.ExecuteAsync(_ => { calls.Record(); return ValueTask.FromException<int>(new InvalidOperationException()); }).AsTask();
        await _clock.AdvanceUntilAsync(() => calls.Count >= 2, TimeSpan.FromMilliseconds(100));
        Assert.Equal(CircuitState.Open, pipeline.CircuitBreaker!.State); // the second failure opened it

        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<Exception>(() => run);
        // Five attempts, but the open circuit spared the dependency: the retry waited out the break
        // (RetryAfter) and only half-open trials reached it.
        Assert.InRange(calls.Count, 2, 4);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_reported_as_a_timeout_counted_by_the_breaker_and_retried()
    {
        // A break far longer than the test: on a busy machine the clock may run on for many steps before the
        // test sees the run complete, and a 30 s break would already have turned half-open.
        var pipeline = Create(attempt: TimeSpan.FromSeconds(2), attempts: 2, failures: 2, breakFor: TimeSpan.FromDays(1));
        var calls = new Calls();

        var run = pipeline.ExecuteAsync(async ct => { calls.Record(); await Task.Delay(Timeout.Infinite, ct); return 0; }).AsTask();
        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(100));

        var timeout = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => run);
        Assert.Equal(("shipping", TimeSpan.FromSeconds(2)), (timeout.Name, timeout.Timeout));
        Assert.Equal(2, calls.Count);                                    // retried once
        Assert.Equal(CircuitState.Open, pipeline.CircuitBreaker!.State); // both timeouts counted
    }

    [Fact]
    public async Task The_total_timeout_ends_the_retries()
    {
        var pipeline = Create(total: TimeSpan.FromSeconds(5), attempts: 100);
        var calls = new Calls();

        var run = pipeline.ExecuteAsync(_ => { calls.Record(); return ValueTask.FromException<int>(new InvalidOperationException()); }).AsTask();
        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => run);
        var made = calls.Count;
        Assert.InRange(made, 2, 4); // 1 s + 2 s of backoff fit in 5 s, 4 s more do not
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Equal(made, calls.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_not_a_timeout()
    {
        var pipeline = Create(total: TimeSpan.FromSeconds(30), attempt: TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource();
        var calls = new Calls();

        var run = pipeline.ExecuteAsync(async ct => { calls.Record(); await Task.Delay(Timeout.Infinite, ct); return 0; }, cts.Token).AsTask();
        await calls.WaitForAsync(1);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.IsNotType<ResilienceTimeoutException>(error);
        Assert.Equal(CircuitState.Closed, pipeline.CircuitBreaker!.State);
    }

    [Fact]
    public async Task A_full_bulkhead_rejects_before_anything_else_runs()
    {
        var bulkhead = new Bulkhead(1, 0);
        var pipeline = Create(bulkhead: bulkhead);
        var gate = new TaskCompletionSource<int>();
        var running = pipeline.ExecuteAsync(_ => new ValueTask<int>(gate.Task));

        await Assert.ThrowsAsync<BulkheadRejectedException>(() => pipeline.ExecuteAsync(Calls.Succeed).AsTask());

        gate.SetResult(3);
        Assert.Equal(3, await running);
        Assert.Equal(42, await pipeline.ExecuteAsync(Calls.Succeed));
    }

    [Fact]
    public void The_standard_preset_carries_the_standard_handlers_values()
    {
        var pipeline = ResiliencePipeline.CreateStandard("catalog", _clock);

        Assert.Equal((1000, 0), (pipeline.Bulkhead!.MaxConcurrency, pipeline.Bulkhead.MaxQueue));
        Assert.Equal("catalog", pipeline.Retry!.Name);
        Assert.Equal("catalog", pipeline.CircuitBreaker!.Name);
    }
}
