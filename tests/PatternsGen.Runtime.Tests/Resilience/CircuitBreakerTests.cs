using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly List<CircuitStateChange> _changes = [];

    // The seed's unit-test template: threshold 3, success threshold 2, timeout 1 s.
    private CircuitBreaker Create(int failures = 3, int successes = 2, int trials = 1, Func<Exception, bool>? shouldHandle = null) =>
        new(new CircuitBreakerOptions
        {
            Name = "users",
            FailureThreshold = failures,
            SuccessThreshold = successes,
            BreakDuration = TimeSpan.FromSeconds(1),
            HalfOpenMaxTrials = trials,
            ShouldHandle = shouldHandle,
            TimeProvider = _clock,
            OnStateChanged = c => { lock (_changes) { _changes.Add(c); } },
        });

    private static async Task FailTimes(CircuitBreaker breaker, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => breaker.ExecuteAsync(Calls.Fail).AsTask());
        }
    }

    [Fact]
    public async Task Opens_after_the_failure_threshold_and_then_rejects_without_calling()
    {
        var breaker = Create();
        await FailTimes(breaker, 3);

        var called = false;
        var open = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() =>
            breaker.ExecuteAsync(_ => { called = true; return new ValueTask<int>(1); }).AsTask());

        Assert.False(called);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal("users", open.Name);
        Assert.Equal(TimeSpan.FromSeconds(1), open.RetryAfter);
    }

    [Fact]
    public async Task Closes_after_the_success_threshold_in_half_open()
    {
        var breaker = Create();
        await FailTimes(breaker, 3);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);

        Assert.Equal(42, await breaker.ExecuteAsync(Calls.Succeed));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.Equal(42, await breaker.ExecuteAsync(Calls.Succeed));

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)],
            _changes.Select(c => (c.From, c.To)));
    }

    [Fact]
    public async Task A_success_ends_a_run_of_failures()
    {
        var breaker = Create();
        await FailTimes(breaker, 2);
        await breaker.ExecuteAsync(Calls.Succeed);
        await FailTimes(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task Stays_open_until_the_break_duration_has_fully_passed_and_reports_the_time_left()
    {
        var breaker = Create();
        await FailTimes(breaker, 3);

        _clock.Advance(TimeSpan.FromMilliseconds(600));
        var open = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => breaker.ExecuteAsync(Calls.Succeed).AsTask());
        Assert.Equal(TimeSpan.FromMilliseconds(400), open.RetryAfter);

        _clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.Equal(CircuitState.Open, breaker.State);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public async Task Any_failed_trial_reopens_for_a_fresh_break()
    {
        var breaker = Create(successes: 3);
        await FailTimes(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await breaker.ExecuteAsync(Calls.Succeed);

        await FailTimes(breaker, 1);

        Assert.Equal(CircuitState.Open, breaker.State);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(CircuitState.Open, breaker.State);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public async Task Half_open_admits_at_most_the_configured_trials_at_once()
    {
        var breaker = Create(trials: 1);
        await FailTimes(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var gate = new TaskCompletionSource<int>();
        var trial = breaker.ExecuteAsync(_ => new ValueTask<int>(gate.Task));
        var second = await breaker.TryExecuteAsync(Calls.Succeed);

        Assert.True(second.IsRejected);
        gate.SetResult(7);
        Assert.Equal(7, await trial);
        Assert.True((await breaker.TryExecuteAsync(Calls.Succeed)).IsSuccess);
    }

    [Fact]
    public async Task Exceptions_the_predicate_rejects_do_not_count()
    {
        var breaker = Create(shouldHandle: e => e is not InvalidOperationException);
        await FailTimes(breaker, 10);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task The_callers_own_cancellation_never_counts_but_a_dependency_timeout_does()
    {
        var breaker = Create(failures: 1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            breaker.ExecuteAsync(ct => ValueTask.FromCanceled<int>(ct), cts.Token).AsTask());
        Assert.Equal(CircuitState.Closed, breaker.State);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            breaker.ExecuteAsync(_ => ValueTask.FromException<int>(new TaskCanceledException("dependency timed out"))).AsTask());
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task An_action_that_throws_synchronously_counts_as_a_failure()
    {
        var breaker = Create(failures: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            breaker.ExecuteAsync<int>(_ => throw new InvalidOperationException("sync")).AsTask());

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task The_non_throwing_path_reports_success_failure_and_rejection()
    {
        var breaker = Create(failures: 1);

        var success = await breaker.TryExecuteAsync(Calls.Succeed);
        var failure = await breaker.TryExecuteAsync(Calls.Fail);
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        var rejected = await breaker.TryExecuteAsync(static (_, _) => new ValueTask<int>(1), 0);

        Assert.Equal((OutcomeKind.Success, 42), (success.Kind, success.Value));
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Equal(OutcomeKind.Rejected, rejected.Kind);
        Assert.Null(rejected.Exception);
        Assert.Equal(TimeSpan.FromMilliseconds(750), rejected.RetryAfter);
        Assert.Throws<InvalidOperationException>(() => rejected.Value);
    }

    [Fact]
    public async Task Isolate_holds_the_circuit_open_past_the_break_until_Reset()
    {
        var breaker = Create();
        breaker.Isolate();
        _clock.Advance(TimeSpan.FromMinutes(5));

        var open = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => breaker.ExecuteAsync(Calls.Succeed).AsTask());
        Assert.True(open.IsIsolated);
        Assert.Equal(Timeout.InfiniteTimeSpan, open.RetryAfter);
        Assert.Equal(Timeout.InfiniteTimeSpan, (await breaker.TryExecuteAsync(Calls.Succeed)).RetryAfter);

        breaker.Reset();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.IsIsolated);
        Assert.Equal(42, await breaker.ExecuteAsync(Calls.Succeed));
        Assert.All(_changes, c => Assert.True(c.IsManual));
    }

    [Fact]
    public async Task A_slow_call_from_before_the_break_cannot_close_the_circuit()
    {
        var breaker = Create(successes: 1);
        var slow = new TaskCompletionSource<int>();
        var late = breaker.ExecuteAsync(_ => new ValueTask<int>(slow.Task)); // admitted while closed

        await FailTimes(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);

        slow.SetResult(1);
        await late;

        Assert.Equal(CircuitState.HalfOpen, breaker.State); // only a trial's success may close it
    }

    [Fact]
    public async Task A_trial_from_an_earlier_half_open_period_cannot_close_the_next_one()
    {
        var breaker = Create(failures: 1, successes: 1);
        await FailTimes(breaker, 1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var slow = new TaskCompletionSource<int>();
        var staleTrial = breaker.ExecuteAsync(_ => new ValueTask<int>(slow.Task));

        breaker.Reset();
        await FailTimes(breaker, 1);
        _clock.Advance(TimeSpan.FromSeconds(1)); // a new half-open period, its trial slot free
        slow.SetResult(1);
        await staleTrial;

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        var gate = new TaskCompletionSource<int>();
        var trial = breaker.ExecuteAsync(_ => new ValueTask<int>(gate.Task)); // exactly one slot, not two
        Assert.True((await breaker.TryExecuteAsync(Calls.Succeed)).IsRejected);
        gate.SetResult(2);
        await trial;
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task A_late_failure_from_an_earlier_period_does_not_count_against_the_new_one()
    {
        var breaker = Create(failures: 2, successes: 1);
        var slow = new TaskCompletionSource<int>();
        var late = breaker.ExecuteAsync(_ => new ValueTask<int>(slow.Task));
        await FailTimes(breaker, 2);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await breaker.ExecuteAsync(Calls.Succeed); // closes: a new period
        await FailTimes(breaker, 1);

        slow.SetException(new InvalidOperationException("from before"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => late.AsTask());

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Theory]
    [InlineData(0, 3, 1, 1)]
    [InlineData(3, 0, 1, 1)]
    [InlineData(3, 3, 0, 1)]
    [InlineData(3, 3, 1, 0)]
    public void Invalid_options_are_rejected_with_the_option_named(int failures, int successes, int trials, int breakSeconds)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new CircuitBreaker(new CircuitBreakerOptions
        {
            FailureThreshold = failures,
            SuccessThreshold = successes,
            HalfOpenMaxTrials = trials,
            BreakDuration = TimeSpan.FromSeconds(breakSeconds),
        }));

        Assert.False(string.IsNullOrEmpty(error.ParamName));
    }

    [Fact]
    public void Defaults_are_the_seeds()
    {
        var options = new CircuitBreakerOptions();

        Assert.Equal((5, 3, TimeSpan.FromSeconds(30), 1), (options.FailureThreshold, options.SuccessThreshold, options.BreakDuration, options.HalfOpenMaxTrials));
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
