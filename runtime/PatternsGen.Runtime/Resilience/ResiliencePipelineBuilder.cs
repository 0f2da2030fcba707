namespace PatternsGen.Resilience;

/// <summary>
/// Puts strategies together in the order they are added, the first added outermost:
/// <c>new ResiliencePipelineBuilder().Add(bulkhead).AddTimeout(total).Add(retry).Add(breaker).AddTimeout(attempt).Build()</c>.
/// </summary>
/// <remarks>
/// Order matters: a bulkhead outside the rest sheds a call before anything else is spent on it; a breaker inside a
/// retry counts every attempt; a timeout inside the breaker is a failure it counts. <see cref="ResiliencePipelineOptions"/>
/// is that usual order with each strategy optional.
/// </remarks>
public sealed class ResiliencePipelineBuilder
{
    // A strategy, or (null, a timeout) for a timeout made at Build with the builder's name and clock.
    private readonly List<(ResilienceStrategy? Strategy, TimeSpan Timeout)> _layers = [];

    /// <summary>The pipeline's name, used by the messages of its timeouts. Default <c>"default"</c>.</summary>
    public string Name { get; set; } = "default";

    /// <summary>The clock the timeouts run on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Adds <paramref name="strategy"/> inside the ones added before: a bulkhead, a retry, a circuit breaker or another pipeline.</summary>
    public ResiliencePipelineBuilder Add(ResilienceStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy is ResiliencePipeline pipeline)
        {
            _layers.AddRange(pipeline.Strategies.Select(static s => ((ResilienceStrategy?)s, TimeSpan.Zero))); // runs the same, one level deep
        }
        else
        {
            _layers.Add((strategy, default));
        }

        return this;
    }

    /// <summary>
    /// Adds a timeout inside the strategies added before: a call still running after <paramref name="timeout"/> is
    /// cancelled and fails with <see cref="ResilienceTimeoutException"/>. The caller's own cancellation stays an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public ResiliencePipelineBuilder AddTimeout(TimeSpan timeout) => AddTimeout(timeout, nameof(timeout));

    /// <summary>
    /// Builds the pipeline. Pipelines built by one builder share the strategies added to it, and so their state
    /// (a breaker's circuit, a bulkhead's places); each has timeouts of its own.
    /// </summary>
    public ResiliencePipeline Build() => new(BuildStrategies());

    internal ResilienceStrategy[] BuildStrategies()
    {
        ArgumentNullException.ThrowIfNull(Name);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return [.. _layers.Select(l => l.Strategy ?? new TimeoutStrategy(Name, l.Timeout, TimeProvider))];
    }

    internal ResiliencePipelineBuilder AddTimeout(TimeSpan timeout, string parameter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, parameter);
        _layers.Add((null, timeout));
        return this;
    }
}
