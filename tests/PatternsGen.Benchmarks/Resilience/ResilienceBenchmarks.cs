using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using PatternsGen.Resilience;
using PollyOutcome = Polly.Outcome;
using PollyPipeline = Polly.ResiliencePipeline;
using PollyPipelineBuilder = Polly.ResiliencePipelineBuilder;

namespace PatternsGen.Benchmarks.Resilience;

/// <summary>
/// PatternsGen's resilience runtime beside Polly.Core 8.9.1, each case in its own category with Polly's
/// <c>ExecuteAsync</c> as the baseline and Polly's <c>ExecuteOutcomeAsync</c> beside it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ResilienceBenchmarks
{
    private PollyPipeline _pollyBreaker = PollyPipeline.Empty;
    private PollyPipeline _pollyOpen = PollyPipeline.Empty;
    private PollyPipeline _pollyRetry = PollyPipeline.Empty;
    private PollyPipeline _pollyBulkhead = PollyPipeline.Empty;
    private PollyPipeline _pollyComposed = PollyPipeline.Empty;
    private CircuitBreaker _breaker = null!;
    private CircuitBreaker _open = null!;
    private RetryPolicy _retry = null!;
    private Bulkhead _bulkhead = null!;
    private PatternsGen.Resilience.ResiliencePipeline _composed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pollyBreaker = new PollyPipelineBuilder().AddCircuitBreaker(new CircuitBreakerStrategyOptions()).Build();
        var manual = new CircuitBreakerManualControl();
        _pollyOpen = new PollyPipelineBuilder().AddCircuitBreaker(new CircuitBreakerStrategyOptions { ManualControl = manual }).Build();
        manual.IsolateAsync().GetAwaiter().GetResult();
        _pollyRetry = new PollyPipelineBuilder().AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 4, UseJitter = true, BackoffType = DelayBackoffType.Exponential }).Build();
        _pollyBulkhead = new PollyPipelineBuilder().AddConcurrencyLimiter(100, 0).Build();
        _pollyComposed = new PollyPipelineBuilder()
            .AddConcurrencyLimiter(100, 0)
            .AddTimeout(TimeSpan.FromSeconds(30))
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, UseJitter = true, BackoffType = DelayBackoffType.Exponential })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions())
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();

        _breaker = new CircuitBreaker(new CircuitBreakerOptions());
        _open = new CircuitBreaker(new CircuitBreakerOptions());
        _open.Isolate();
        _retry = new RetryPolicy(new RetryOptions());
        _bulkhead = new Bulkhead(100, 0);
        _composed = new PatternsGen.Resilience.ResiliencePipeline(new ResiliencePipelineOptions
        {
            Bulkhead = new Bulkhead(100, 0),
            TotalTimeout = TimeSpan.FromSeconds(30),
            Retry = new RetryPolicy(new RetryOptions { MaxAttempts = 4 }),
            CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions()),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        });
    }

    private static ValueTask<int> Sync(int state, CancellationToken _) => new(state);

    private static async ValueTask<int> Async(int state, CancellationToken _)
    {
        await Task.Yield();
        return state;
    }

    private static ValueTask<Polly.Outcome<int>> SyncOutcome(ResilienceContext _, int state) => new(PollyOutcome.FromResult(state));

    private static async ValueTask<Polly.Outcome<int>> AsyncOutcome(ResilienceContext _, int state)
    {
        await Task.Yield();
        return PollyOutcome.FromResult(state);
    }

    private static async ValueTask<int> PollyOutcomeOf(PollyPipeline pipeline, Func<ResilienceContext, int, ValueTask<Polly.Outcome<int>>> callback)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(callback, context, 1);
            return outcome.Exception is null ? outcome.Result : -1;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // --- Closed circuit, action completes synchronously -------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("ClosedSuccessSync")]
    public ValueTask<int> ClosedSuccessSync_Baseline() => _pollyBreaker.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    [Benchmark, BenchmarkCategory("ClosedSuccessSync")]
    public ValueTask<int> ClosedSuccessSync_BaselineOutcome() => PollyOutcomeOf(_pollyBreaker, static (c, s) => SyncOutcome(c, s));

    [Benchmark, BenchmarkCategory("ClosedSuccessSync")]
    public ValueTask<int> ClosedSuccessSync_PatternsGen() => _breaker.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    // --- Closed circuit, truly asynchronous action -----------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("ClosedSuccessAsync")]
    public ValueTask<int> ClosedSuccessAsync_Baseline() => _pollyBreaker.ExecuteAsync(static (s, ct) => Async(s, ct), 1);

    [Benchmark, BenchmarkCategory("ClosedSuccessAsync")]
    public ValueTask<int> ClosedSuccessAsync_BaselineOutcome() => PollyOutcomeOf(_pollyBreaker, static (c, s) => AsyncOutcome(c, s));

    [Benchmark, BenchmarkCategory("ClosedSuccessAsync")]
    public ValueTask<int> ClosedSuccessAsync_PatternsGen() => _breaker.ExecuteAsync(static (s, ct) => Async(s, ct), 1);

    // --- Open circuit: rejection that throws -----------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("OpenRejectionThrowing")]
    public async ValueTask<int> OpenRejectionThrowing_Baseline()
    {
        try
        {
            return await _pollyOpen.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);
        }
        catch (IsolatedCircuitException)
        {
            return -1;
        }
    }

    [Benchmark, BenchmarkCategory("OpenRejectionThrowing")]
    public async ValueTask<int> OpenRejectionThrowing_PatternsGen()
    {
        try
        {
            return await _open.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);
        }
        catch (CircuitBreakerOpenException)
        {
            return -1;
        }
    }

    // --- Open circuit: rejection reported as an outcome ------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("OpenRejectionNonThrowing")]
    public ValueTask<int> OpenRejectionNonThrowing_BaselineOutcome() => PollyOutcomeOf(_pollyOpen, static (c, s) => SyncOutcome(c, s));

    // Returned as is, like the other PatternsGen cases: an async wrapper would measure its own state machine.
    [Benchmark, BenchmarkCategory("OpenRejectionNonThrowing")]
    public ValueTask<PatternsGen.Resilience.Outcome<int>> OpenRejectionNonThrowing_PatternsGen() =>
        _open.TryExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    // --- Retry, first attempt succeeds -----------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("RetrySuccess")]
    public ValueTask<int> RetrySuccess_Baseline() => _pollyRetry.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    [Benchmark, BenchmarkCategory("RetrySuccess")]
    public ValueTask<int> RetrySuccess_BaselineOutcome() => PollyOutcomeOf(_pollyRetry, static (c, s) => SyncOutcome(c, s));

    [Benchmark, BenchmarkCategory("RetrySuccess")]
    public ValueTask<int> RetrySuccess_PatternsGen() => _retry.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    // --- Bulkhead with room ----------------------------------------------------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("Bulkhead")]
    public ValueTask<int> Bulkhead_Baseline() => _pollyBulkhead.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    [Benchmark, BenchmarkCategory("Bulkhead")]
    public ValueTask<int> Bulkhead_BaselineOutcome() => PollyOutcomeOf(_pollyBulkhead, static (c, s) => SyncOutcome(c, s));

    [Benchmark, BenchmarkCategory("Bulkhead")]
    public ValueTask<int> Bulkhead_PatternsGen() => _bulkhead.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    // --- Bulkhead -> total timeout -> retry -> breaker -> attempt timeout ------------------------

    [Benchmark(Baseline = true), BenchmarkCategory("Composed")]
    public ValueTask<int> Composed_Baseline() => _pollyComposed.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);

    [Benchmark, BenchmarkCategory("Composed")]
    public ValueTask<int> Composed_BaselineOutcome() => PollyOutcomeOf(_pollyComposed, static (c, s) => SyncOutcome(c, s));

    [Benchmark, BenchmarkCategory("Composed")]
    public ValueTask<int> Composed_PatternsGen() => _composed.ExecuteAsync(static (s, ct) => Sync(s, ct), 1);
}
