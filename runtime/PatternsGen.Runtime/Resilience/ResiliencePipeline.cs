using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Resilience;

/// <summary>
/// Strategies run one inside the other, in the order of a <see cref="ResiliencePipelineBuilder"/> (or the usual
/// order of <see cref="ResiliencePipelineOptions"/>). Composition adds no allocation per call: each strategy calls
/// the next through its state-passing core with a struct context and a static lambda.
/// </summary>
public sealed class ResiliencePipeline : ResilienceStrategy
{
    private readonly ResilienceStrategy[] _strategies;

    /// <summary>Creates a pipeline from <paramref name="options"/>, in their order.</summary>
    public ResiliencePipeline(ResiliencePipelineOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).ToBuilder().BuildStrategies())
    {
    }

    internal ResiliencePipeline(ResilienceStrategy[] strategies)
    {
        _strategies = strategies;
        Bulkhead = strategies.OfType<Bulkhead>().FirstOrDefault();
        Retry = strategies.OfType<RetryPolicy>().FirstOrDefault();
        CircuitBreaker = strategies.OfType<CircuitBreaker>().FirstOrDefault();
    }

    /// <summary>The pipeline's (first) bulkhead, if any.</summary>
    public Bulkhead? Bulkhead { get; }

    /// <summary>The pipeline's (first) retry policy, if any.</summary>
    public RetryPolicy? Retry { get; }

    /// <summary>The pipeline's (first) circuit breaker, if any.</summary>
    public CircuitBreaker? CircuitBreaker { get; }

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
        return new ResiliencePipelineBuilder { Name = name, TimeProvider = clock }
            .Add(new Bulkhead(maxConcurrency: 1000, maxQueue: 0, name, logger))
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Add(new RetryPolicy(new RetryOptions
            {
                Name = name,
                MaxAttempts = 4,
                InitialDelay = TimeSpan.FromSeconds(2),
                MaxDelay = TimeSpan.FromSeconds(30),
                Jitter = true,
                JitterMode = RetryJitterMode.Decorrelated,
                TimeProvider = clock,
                Logger = logger,
            }))
            .Add(new CircuitBreaker(new CircuitBreakerOptions
            {
                Name = name,
                FailureThreshold = 10,
                SuccessThreshold = 1,
                BreakDuration = TimeSpan.FromSeconds(5),
                TimeProvider = clock,
                Logger = logger,
            }))
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    internal override ValueTask<T> ExecuteCoreAsync<TState, T>(Func<TState, CancellationToken, ValueTask<T>> action, TState state, CancellationToken ct) =>
        Next(new Call<TState, T>(_strategies, 0, action, state), ct);

    /// <summary>Runs the call through the strategies from <see cref="Call{TState, T}.Index"/> inwards.</summary>
    /// <remarks>
    /// Each strategy is called by its own type, not through the virtual core: a virtual call could reach a pipeline,
    /// which would wrap the state once more, and Native AOT must compile every such instantiation before it runs
    /// (it refuses the unbounded nesting). A pipeline added to a builder is flattened into its strategies instead.
    /// </remarks>
    private static ValueTask<T> Next<TState, T>(Call<TState, T> call, CancellationToken ct)
    {
        if (call.Index == call.Strategies.Length)
        {
            try
            {
                return call.Action(call.State, ct);
            }
            catch (Exception error)
            {
                return ValueTask.FromException<T>(error); // an empty pipeline still never throws synchronously
            }
        }

        Func<Call<TState, T>, CancellationToken, ValueTask<T>> inner = static (c, token) => Next(c with { Index = c.Index + 1 }, token);
        return call.Strategies[call.Index] switch
        {
            CircuitBreaker breaker => breaker.ExecuteCoreAsync(inner, call, ct),
            RetryPolicy retry => retry.ExecuteCoreAsync(inner, call, ct),
            Bulkhead bulkhead => bulkhead.ExecuteCoreAsync(inner, call, ct),
            TimeoutStrategy timeout => timeout.ExecuteCoreAsync(inner, call, ct),
            var other => throw new UnreachableException($"A pipeline holds a {other.GetType().Name}; the builder adds only the four strategies."),
        };
    }

    /// <summary>The strategies, outermost first, with no pipeline among them.</summary>
    internal ResilienceStrategy[] Strategies => _strategies;

    /// <summary>One call's context, passed down the strategies by value.</summary>
    private readonly record struct Call<TState, T>(ResilienceStrategy[] Strategies, int Index, Func<TState, CancellationToken, ValueTask<T>> Action, TState State);
}
