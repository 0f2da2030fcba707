using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class RetryPolicyTests
{
    private readonly WatchedClock _clock = new();
    private readonly List<RetryAttempt> _retries = [];

    private RetryPolicy Create(int attempts = 5, double initialSeconds = 1, double maxSeconds = 60, bool jitter = false,
        Func<Exception, bool>? shouldRetry = null, Random? random = null, RetryJitterMode mode = RetryJitterMode.Decorrelated) =>
        new(new RetryOptions
        {
            Name = "payments",
            MaxAttempts = attempts,
            InitialDelay = TimeSpan.FromSeconds(initialSeconds),
            MaxDelay = TimeSpan.FromSeconds(maxSeconds),
            Jitter = jitter,
            JitterMode = mode,
            Random = random,
            ShouldRetry = shouldRetry,
            TimeProvider = _clock,
            OnRetry = r => { lock (_retries) { _retries.Add(r); } },
        });

    /// <summary>Fails the first <paramref name="failures"/> calls, then returns the call number.</summary>
    private static Func<CancellationToken, ValueTask<int>> FailingFirst(Calls calls, int failures) => _ =>
    {
        calls.Record();
        return calls.Count <= failures
            ? ValueTask.FromException<int>(new InvalidOperationException($"attempt {calls.Count}"))
            : new ValueTask<int>(calls.Count);
    };

    [Fact]
    public async Task Waits_the_exact_exponential_delays_with_jitter_off_and_no_longer()
    {
        var calls = new Calls();
        var run = Create().ExecuteAsync(FailingFirst(calls, 4)).AsTask();

        foreach (var (delay, nextAttempt) in new[] { (1, 2), (2, 3), (4, 4), (8, 5) })
        {
            await calls.WaitForAsync(nextAttempt - 1);
            await _clock.TimersCreated(nextAttempt - 1); // the policy is waiting: advancing now cannot race its timer
            _clock.Advance(TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(nextAttempt - 1, calls.Count); // not a moment early
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await calls.WaitForAsync(nextAttempt);
        }

        Assert.Equal(5, await run);
        Assert.Equal([1, 2, 4, 8], _retries.Select(r => r.Delay.TotalSeconds));
        Assert.Equal([1, 2, 3, 4], _retries.Select(r => r.Attempt));
    }

    [Fact]
    public async Task A_failure_that_asks_for_a_longer_wait_gets_it_up_to_MaxDelay()
    {
        var calls = new Calls();
        var policy = new RetryPolicy(new RetryOptions
        {
            InitialDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(20),
            Jitter = false,
            TimeProvider = _clock,
            RetryAfter = static e => e.Message == "busy" ? TimeSpan.FromSeconds(7) : e.Message == "away" ? TimeSpan.FromMinutes(5) : null,
            OnRetry = r => { lock (_retries) { _retries.Add(r); } },
        });
        string[] errors = ["busy", "away", "other"];
        var run = policy.ExecuteAsync(_ =>
        {
            calls.Record();
            return calls.Count <= errors.Length ? ValueTask.FromException<int>(new InvalidOperationException(errors[calls.Count - 1])) : new ValueTask<int>(calls.Count);
        }).AsTask();

        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(7));   // asked for more than the backoff's 1 s
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(20));  // asked for 5 min: capped
        await _clock.AdvanceThroughAsync(TimeSpan.FromSeconds(4));   // asked for nothing: the backoff's own
        Assert.Equal(4, await run);
        Assert.Equal([7, 20, 4], _retries.Select(r => r.Delay.TotalSeconds));
    }

    [Fact]
    public void The_exponential_delay_is_capped_at_MaxDelay_without_overflow()
    {
        var options = new RetryOptions { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(15), Jitter = false };
        var previous = TimeSpan.Zero;

        var delays = Enumerable.Range(1, 4).Select(a => Backoff.Next(options, a, ref previous, 0.5).TotalSeconds).ToArray();

        Assert.Equal([10, 15, 15, 15], delays);
        Assert.Equal(TimeSpan.FromSeconds(15), Backoff.Exponential(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), int.MaxValue));
    }

    [Fact]
    public async Task Gives_up_after_MaxAttempts_with_the_last_error()
    {
        var calls = new Calls();
        var run = Create(attempts: 3, initialSeconds: 0).ExecuteAsync(FailingFirst(calls, 10)).AsTask();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run);

        Assert.Equal("attempt 3", error.Message);
        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public async Task Does_not_retry_what_ShouldRetry_refuses()
    {
        var calls = new Calls();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Create(shouldRetry: e => e is TimeoutException).ExecuteAsync(FailingFirst(calls, 10)).AsTask());

        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task Stops_retrying_once_the_caller_cancels_even_during_a_delay()
    {
        var calls = new Calls();
        using var cts = new CancellationTokenSource();
        var run = Create().ExecuteAsync(FailingFirst(calls, 10), cts.Token).AsTask();
        await calls.WaitForAsync(1);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task A_failure_raised_by_the_callers_cancellation_is_not_retried()
    {
        var calls = new Calls();
        using var cts = new CancellationTokenSource();

        var run = Create().ExecuteAsync<int>(async ct =>
        {
            calls.Record();
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cts.Token).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, calls.Count);
    }

    [Fact]
    public async Task An_isolated_circuit_is_not_retried_and_an_open_one_is_retried_when_it_may_admit_a_trial()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions { FailureThreshold = 1, BreakDuration = TimeSpan.FromSeconds(20), TimeProvider = _clock });
        var retry = Create(initialSeconds: 1);

        breaker.Isolate();
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => retry.ExecuteAsync(ct => breaker.ExecuteAsync(Calls.Succeed, ct)).AsTask());
        Assert.Empty(_retries);

        breaker.Reset();
        await Assert.ThrowsAsync<InvalidOperationException>(() => breaker.ExecuteAsync(Calls.Fail).AsTask()); // opens for 20 s
        var run = retry.ExecuteAsync(ct => breaker.ExecuteAsync(Calls.Succeed, ct)).AsTask();
        Assert.Equal(TimeSpan.FromSeconds(20), Assert.Single(_retries).Delay);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(42, await run);
    }

    [Fact]
    public async Task The_void_overload_retries_too()
    {
        var calls = new Calls();
        await Create(initialSeconds: 0).ExecuteAsync(ct => FailingFirst(calls, 2)(ct) is { IsCompletedSuccessfully: true } ? default : ValueTask.FromException(new InvalidOperationException()));

        Assert.Equal(3, calls.Count);
    }

    [Fact]
    public void Defaults_are_the_seeds_retry_config()
    {
        var options = new RetryOptions();

        Assert.Equal((5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), true),
            (options.MaxAttempts, options.InitialDelay, options.MaxDelay, options.Jitter));
    }

    [Theory]
    [InlineData(0, 1, 60)]
    [InlineData(3, -1, 60)]
    [InlineData(3, 10, 5)]
    public void Invalid_options_are_rejected(int attempts, int initialSeconds, int maxSeconds)
    {
        Assert.ThrowsAny<ArgumentException>(() => Create(attempts, initialSeconds, maxSeconds));
    }
}
