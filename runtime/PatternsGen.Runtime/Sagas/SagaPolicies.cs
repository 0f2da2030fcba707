using Microsoft.Extensions.Logging;
using PatternsGen.Resilience;

namespace PatternsGen.Sagas;

/// <summary>Builds the resilience pipeline of a saga step or compensation, for a run.</summary>
internal static class SagaPolicies
{
    /// <summary>
    /// Settings checked by <see cref="SagaDefinition"/>. Retry (when <paramref name="maxAttempts"/> &gt; 1) around a per-attempt timeout (when
    /// <paramref name="timeoutMilliseconds"/> &gt; 0), on <paramref name="timeProvider"/> (the system clock when null).
    /// </summary>
    public static ResiliencePipeline Create(string saga, string step, int maxAttempts, int retryDelayMilliseconds, int timeoutMilliseconds, TimeProvider? timeProvider, ILogger? logger)
    {
        var time = timeProvider ?? TimeProvider.System;
        var name = saga + "." + step;
        return new ResiliencePipeline(new ResiliencePipelineOptions
        {
            Name = name,
            TimeProvider = time,
            Retry = maxAttempts > 1
                ? new RetryPolicy(new RetryOptions
                {
                    Name = name,
                    MaxAttempts = maxAttempts,
                    InitialDelay = TimeSpan.FromMilliseconds(retryDelayMilliseconds),
                    TimeProvider = time,
                    Logger = logger,
                })
                : null,
            AttemptTimeout = timeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(timeoutMilliseconds) : null,
        });
    }
}
