using Microsoft.Extensions.Logging;

namespace PatternsGen.Resilience;

/// <summary>
/// Settings of a <see cref="ResiliencePipeline"/>: any of the strategies, each optional. They run in
/// this order, outermost first: bulkhead → total timeout → retry → circuit breaker → attempt timeout.
/// </summary>
public sealed class ResiliencePipelineOptions
{
    /// <summary>The pipeline's name, used by its timeouts' messages. Default <c>"default"</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Limits concurrent calls; outermost, so a rejected call costs nothing else.</summary>
    public Bulkhead? Bulkhead { get; set; }

    /// <summary>Bounds the whole call, retries and their delays included.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Retries failed attempts; each attempt goes through the breaker.</summary>
    public RetryPolicy? Retry { get; set; }

    /// <summary>Counts each attempt's outcome and rejects attempts while open.</summary>
    public CircuitBreaker? CircuitBreaker { get; set; }

    /// <summary>Bounds each attempt; a timed-out attempt is a failure the breaker counts and the retry retries.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>The clock the timeouts run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// A bulkhead, timeouts, a retry policy and a circuit breaker composed in the documented order
/// (see <see cref="ResiliencePipelineOptions"/>). Composition adds no allocation per call: each layer
/// calls the next through the state-passing overloads with a struct context and static lambdas.
/// </summary>
public sealed class ResiliencePipeline
{
    private readonly Bulkhead? _bulkhead;
    private readonly TimeoutStrategy? _totalTimeout;
    private readonly RetryPolicy? _retry;
    private readonly CircuitBreaker? _breaker;
    private readonly TimeoutStrategy? _attemptTimeout;

    /// <summary>Creates a pipeline from <paramref name="options"/>.</summary>
    public ResiliencePipeline(ResiliencePipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        _bulkhead = options.Bulkhead;
        _retry = options.Retry;
        _breaker = options.CircuitBreaker;
        _totalTimeout = Timeout(options.Name, options.TotalTimeout, options.TimeProvider, nameof(options.TotalTimeout));
        _attemptTimeout = Timeout(options.Name, options.AttemptTimeout, options.TimeProvider, nameof(options.AttemptTimeout));
    }

    /// <summary>The pipeline's bulkhead, if any.</summary>
    public Bulkhead? Bulkhead => _bulkhead;

    /// <summary>The pipeline's retry policy, if any.</summary>
    public RetryPolicy? Retry => _retry;

    /// <summary>The pipeline's circuit breaker, if any.</summary>
    public CircuitBreaker? CircuitBreaker => _breaker;

    /// <summary>
    /// The values of Microsoft.Extensions.Http.Resilience's standard handler: at most 1,000 concurrent
    /// calls and no queue; 30 s in all; 3 retries (4 attempts) with exponential backoff from 2 s and
    /// decorrelated jitter; a breaker that breaks for 5 s; 10 s per attempt. One difference: the standard
    /// handler opens on a 10 % failure ratio over 30 s (at least 100 calls), this breaker on consecutive
    /// failures, here 10 of them.
    /// </summary>
    /// <param name="name">The dependency's name, for metrics, activity events and logs.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where the strategies log; none when null.</param>
    public static ResiliencePipeline CreateStandard(string name, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var clock = timeProvider ?? TimeProvider.System;
        return new ResiliencePipeline(new ResiliencePipelineOptions
        {
            Name = name,
            TimeProvider = clock,
            Bulkhead = new Bulkhead(maxConcurrency: 1000, maxQueue: 0, name, logger),
            TotalTimeout = TimeSpan.FromSeconds(30),
            Retry = new RetryPolicy(new RetryOptions
            {
                Name = name,
                MaxAttempts = 4,
                InitialDelay = TimeSpan.FromSeconds(2),
                MaxDelay = TimeSpan.FromSeconds(30),
                Jitter = true,
                JitterMode = RetryJitterMode.Decorrelated,
                TimeProvider = clock,
                Logger = logger,
            }),
            CircuitBreaker = new CircuitBreaker(new CircuitBreakerOptions
            {
                Name = name,
                FailureThreshold = 10,
                SuccessThreshold = 1,
                BreakDuration = TimeSpan.FromSeconds(5),
                TimeProvider = clock,
                Logger = logger,
            }),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        });
    }

    /// <summary>Runs <paramref name="action"/> through every strategy of the pipeline.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken ct = default) =>
        ExecuteAsync(static (a, token) => a(token), action, ct);

    /// <summary>Runs <paramref name="action"/> through every strategy of the pipeline.</summary>
    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> action, CancellationToken ct = default) =>
        ExecuteAsync(static (a, token) => a(token), action, ct);

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/> through every strategy of the pipeline; a static lambda needs no closure.</summary>
    public ValueTask ExecuteAsync<TState>(Func<TState, CancellationToken, ValueTask> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return VoidCalls.Discard(ExecuteAsync(VoidCalls.Invoke<TState>, (action, state), ct));
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="state"/> through every strategy; a static lambda needs no closure.</summary>
    public ValueTask<T> ExecuteAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var call = new Call<TState, T>(this, action, state);
        return _bulkhead is { } bulkhead
            ? bulkhead.ExecuteAsync(static (c, token) => c.Pipeline.Total(c, token), call, ct)
            : Total(call, ct);
    }

    private ValueTask<T> Total<TState, T>(Call<TState, T> call, CancellationToken ct) =>
        _totalTimeout is { } timeout
            ? timeout.ExecuteAsync(static (c, token) => c.Pipeline.Retried(c, token), call, ct)
            : Retried(call, ct);

    private ValueTask<T> Retried<TState, T>(Call<TState, T> call, CancellationToken ct) =>
        _retry is { } retry
            ? retry.ExecuteAsync(static (c, token) => c.Pipeline.Guarded(c, token), call, ct)
            : Guarded(call, ct);

    private ValueTask<T> Guarded<TState, T>(Call<TState, T> call, CancellationToken ct) =>
        _breaker is { } breaker
            ? breaker.ExecuteAsync(static (c, token) => c.Pipeline.Attempt(c, token), call, ct)
            : Attempt(call, ct);

    private ValueTask<T> Attempt<TState, T>(Call<TState, T> call, CancellationToken ct) =>
        _attemptTimeout is { } timeout
            ? timeout.ExecuteAsync(static (c, token) => c.Action(c.State, token), call, ct)
            : call.Action(call.State, ct);

    private static TimeoutStrategy? Timeout(string name, TimeSpan? timeout, TimeProvider clock, string option)
    {
        if (timeout is not { } value)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, option);
        return new TimeoutStrategy(name, value, clock);
    }

    /// <summary>One call's context, passed down the layers by value.</summary>
    private readonly record struct Call<TState, T>(ResiliencePipeline Pipeline, Func<TState, CancellationToken, ValueTask<T>> Action, TState State);
}
