using CsCheck;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

public sealed class CircuitBreakerConcurrencyTests
{
    [Fact]
    public async Task Under_many_threads_half_open_never_runs_more_than_the_allowed_trials()
    {
        var clock = new FakeTimeProvider();
        var breaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            FailureThreshold = 1, SuccessThreshold = int.MaxValue, HalfOpenMaxTrials = 2, BreakDuration = TimeSpan.FromSeconds(1), TimeProvider = clock,
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => breaker.ExecuteAsync(Calls.Fail).AsTask());
        clock.Advance(TimeSpan.FromSeconds(1));

        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        var peak = 0;
        var start = new Barrier(Environment.ProcessorCount + 2);
        var outcomes = Enumerable.Range(0, start.ParticipantCount).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            var results = new List<Outcome<int>>();
            for (var i = 0; i < 500; i++)
            {
                results.Add(await breaker.TryExecuteAsync(async _ =>
                {
                    var now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref peak, now);
                    var value = await gate.Task;
                    Interlocked.Decrement(ref inside);
                    return value;
                }));
            }

            return results;
        })).ToArray();

        // Let the racers pile in against the trial limit, then let the trials finish.
        while (outcomes.Count(t => t.IsCompleted) < outcomes.Length && Volatile.Read(ref inside) < 2)
        {
            await Task.Yield();
        }

        gate.SetResult(1);
        var all = (await Task.WhenAll(outcomes).WaitAsync(TimeSpan.FromSeconds(60))).SelectMany(r => r).ToArray();

        Assert.InRange(peak, 1, 2);
        Assert.All(all, o => Assert.True(o.IsSuccess || o.IsRejected));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public async Task Under_many_threads_mixed_outcomes_keep_the_state_machine_consistent()
    {
        var clock = new FakeTimeProvider();
        var changes = new List<CircuitStateChange>();
        var breaker = new CircuitBreaker(new CircuitBreakerOptions
        {
            FailureThreshold = 3, SuccessThreshold = 2, BreakDuration = TimeSpan.FromMilliseconds(10), TimeProvider = clock,
            OnStateChanged = c => { lock (changes) { changes.Add(c); } },
        });
        var made = 0;
        var rejected = 0;

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < 20_000; i++)
            {
                if (w == 0 && i % 50 == 0)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(10));
                }

                var fail = random.Next(4) == 0;
                var outcome = await breaker.TryExecuteAsync(_ =>
                {
                    Interlocked.Increment(ref made);
                    return fail ? ValueTask.FromException<int>(new InvalidOperationException()) : new ValueTask<int>(1);
                });
                if (outcome.IsRejected)
                {
                    Interlocked.Increment(ref rejected);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(80_000, made + rejected);
        Assert.True(rejected > 0 && made > 0);
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.True(IsLegal(c.From, c.To), $"{c.From} -> {c.To}"));
        Assert.InRange(breaker.State, CircuitState.Closed, CircuitState.HalfOpen);
    }

    /// <summary>One thread, no time passing: the breaker opens exactly when the run of failures reaches the threshold.</summary>
    [Fact]
    public void Opens_exactly_at_the_first_run_of_threshold_consecutive_failures() =>
        Gen.Select(Gen.Int[1, 6], Gen.Bool.Array[1, 60]).Sample(input =>
        {
            var (threshold, failures) = input;
            var breaker = new CircuitBreaker(new CircuitBreakerOptions { FailureThreshold = threshold, TimeProvider = new FakeTimeProvider() });
            var run = 0;
            var expectOpen = false;
            foreach (var fail in failures)
            {
                // Synchronous actions: the outcome is ready when TryExecuteAsync returns.
                var outcome = breaker.TryExecuteAsync(_ => fail ? ValueTask.FromException<int>(new InvalidOperationException()) : new ValueTask<int>(1)).Result;
                if (expectOpen)
                {
                    return outcome.IsRejected && breaker.State == CircuitState.Open;
                }

                run = fail ? run + 1 : 0;
                expectOpen = run >= threshold;
                if ((breaker.State == CircuitState.Open) != expectOpen)
                {
                    return false;
                }
            }

            return true;
        });

    private static bool IsLegal(CircuitState from, CircuitState to) => (from, to) switch
    {
        (CircuitState.Closed, CircuitState.Open) => true,
        (CircuitState.Open, CircuitState.HalfOpen) => true,
        (CircuitState.HalfOpen, CircuitState.Closed) => true,
        (CircuitState.HalfOpen, CircuitState.Open) => true,
        _ => false,
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
