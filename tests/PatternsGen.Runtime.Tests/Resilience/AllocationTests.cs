using PatternsGen.Resilience;

namespace PatternsGen.Runtime.Tests.Resilience;

/// <summary>
/// The hot paths allocate nothing when the action completes synchronously. Measured with the
/// thread's allocation counter over many calls after a warm-up; BenchmarkDotNet's MemoryDiagnoser
/// shows the same in docs/benchmarks.md.
/// </summary>
[Collection(ListenerCollection.Name)]
public sealed class AllocationTests
{
    private const int Calls = 1_000;

    // No async lambdas here: tests build in Debug, where an async state machine is a class and would
    // be counted against the code under test. The calls complete synchronously, so GetResult is safe.
    private static long AllocatedBy<T>(Func<ValueTask<T>> call)
    {
        for (var i = 0; i < 100; i++)
        {
            call().GetAwaiter().GetResult();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call().GetAwaiter().GetResult();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long AllocatedBy(Func<ValueTask> call) =>
        AllocatedBy(() =>
        {
            call().GetAwaiter().GetResult();
            return new ValueTask<bool>(true);
        });

    private static ValueTask<int> One(int state, CancellationToken _) => new(state);

    [Fact]
    public void Closed_breaker_success_allocates_nothing()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());

        Assert.Equal(0, AllocatedBy(() => breaker.ExecuteAsync(static (s, ct) => One(s, ct), 1)));
        Assert.Equal(0, AllocatedBy(() => breaker.ExecuteAsync(static ct => One(1, ct))));
    }

    [Fact]
    public void Open_breaker_rejection_on_the_non_throwing_path_allocates_nothing()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions());
        breaker.Isolate();

        Assert.Equal(0, AllocatedBy(() => breaker.TryExecuteAsync(static (s, ct) => One(s, ct), 1)));
    }

    [Fact]
    public void Retry_success_allocates_nothing()
    {
        var retry = new RetryPolicy(new RetryOptions());

        Assert.Equal(0, AllocatedBy(() => retry.ExecuteAsync(static (s, ct) => One(s, ct), 1)));
    }

    [Fact]
    public void A_composed_pipeline_with_timeouts_allocates_nothing_per_successful_call()
    {
        var clock = TimeProvider.System; // the timers a production pipeline uses
        var pipeline = new ResiliencePipeline(new ResiliencePipelineOptions
        {
            Bulkhead = new Bulkhead(10, 0),
            TotalTimeout = TimeSpan.FromSeconds(30),
            Retry = new RetryPolicy(new RetryOptions { TimeProvider = clock }),
            CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions { TimeProvider = clock }),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TimeProvider = clock,
        });

        Assert.Equal(0, AllocatedBy(() => pipeline.ExecuteAsync(static (s, ct) => One(s, ct), 1)));
        Assert.Equal(0, AllocatedBy(() => pipeline.ExecuteAsync(static _ => ValueTask.CompletedTask)));
    }
}
