namespace PatternsGen.Resilience;

/// <summary>
/// Settings of a <see cref="ResiliencePipeline"/> in the usual order: any of the strategies, each optional, run
/// outermost first as bulkhead → total timeout → retry → circuit breaker → attempt timeout. For another order,
/// or a strategy twice, use <see cref="ResiliencePipelineBuilder"/>.
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

    /// <summary>The builder these options stand for.</summary>
    internal ResiliencePipelineBuilder ToBuilder()
    {
        var builder = new ResiliencePipelineBuilder { Name = Name, TimeProvider = TimeProvider };
        AddIfSet(builder, Bulkhead);
        AddIfSet(builder, TotalTimeout, nameof(TotalTimeout));
        AddIfSet(builder, Retry);
        AddIfSet(builder, CircuitBreaker);
        AddIfSet(builder, AttemptTimeout, nameof(AttemptTimeout));
        return builder;
    }

    private static void AddIfSet(ResiliencePipelineBuilder builder, ResilienceStrategy? strategy)
    {
        if (strategy is not null)
        {
            builder.Add(strategy);
        }
    }

    private static void AddIfSet(ResiliencePipelineBuilder builder, TimeSpan? timeout, string option)
    {
        if (timeout is { } value)
        {
            builder.AddTimeout(value, option);
        }
    }
}
