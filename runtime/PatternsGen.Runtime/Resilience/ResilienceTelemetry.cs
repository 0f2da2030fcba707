using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;

namespace PatternsGen.Resilience;

/// <summary>
/// Metrics, activity events and log messages of the resilience runtime. Every method is cheap when
/// nobody listens: instruments check <c>Enabled</c>, activity events need a listener on the PatternsGen
/// source and a recorded activity, and
/// log calls go through <see cref="LoggerMessage"/>-generated methods that check the level first.
/// Nothing here runs on a success path.
/// </summary>
internal static partial class ResilienceTelemetry
{
    public const string CircuitBreakerPattern = "circuit_breaker";
    public const string RetryPattern = "retry";
    public const string BulkheadPattern = "bulkhead";

    private static readonly Counter<long> StateChanges = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.circuit_breaker.state_changes", unit: "{transition}", description: "Circuit breaker state transitions.");

    private static readonly Counter<long> Rejections = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.resilience.rejections", unit: "{call}", description: "Calls rejected by an open circuit or a full bulkhead.");

    private static readonly Counter<long> Retries = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.retry.retries", unit: "{retry}", description: "Attempts retried after a handled failure.");

    private static readonly Histogram<double> AttemptDuration = PatternsGenDiagnostics.Meter.CreateHistogram<double>(
        "patternsgen.resilience.attempt.duration", unit: "ms", description: "Duration of each attempt made through a retry policy.");

    /// <summary>True when someone records attempt durations: only then are timestamps taken.</summary>
    public static bool MeasuresAttempts => AttemptDuration.Enabled;

    public static void StateChanged(string service, CircuitState from, CircuitState to, ILogger? logger)
    {
        if (StateChanges.Enabled)
        {
            StateChanges.Add(1,
                new KeyValuePair<string, object?>("patternsgen.service", service),
                new KeyValuePair<string, object?>("patternsgen.circuit_breaker.from", StateName(from)),
                new KeyValuePair<string, object?>("patternsgen.circuit_breaker.to", StateName(to)));
        }

        AddEvent("patternsgen.circuit_breaker.state_changed", CircuitBreakerPattern, service, "patternsgen.circuit_breaker.to", StateName(to));
        if (logger is not null)
        {
            LogStateChanged(logger, CircuitBreakerPattern, service, PatternsGenDiagnostics.CorrelationId(), StateName(from), StateName(to));
        }
    }

    /// <summary>Whether anyone would see a rejection: checked inline so an unobserved rejection makes no call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsRejectionObserved(ILogger? logger) =>
        logger is not null || Rejections.Enabled || PatternsGenDiagnostics.ActivitySource.HasListeners();

    public static void Rejected(string pattern, string service, ILogger? logger)
    {
        if (Rejections.Enabled)
        {
            Rejections.Add(1,
                new KeyValuePair<string, object?>("patternsgen.pattern", pattern),
                new KeyValuePair<string, object?>("patternsgen.service", service));
        }

        AddEvent("patternsgen.resilience.rejected", pattern, service, null, null);
        if (logger is not null)
        {
            LogRejected(logger, pattern, service, PatternsGenDiagnostics.CorrelationId());
        }
    }

    public static void Retrying(string service, int attempt, TimeSpan delay, Exception error, ILogger? logger)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>("patternsgen.service", service));
        }

        AddEvent("patternsgen.retry.retrying", RetryPattern, service, "patternsgen.retry.attempt", attempt);
        if (logger is not null)
        {
            LogRetrying(logger, error, RetryPattern, service, PatternsGenDiagnostics.CorrelationId(), attempt, delay.TotalMilliseconds);
        }
    }

    public static void AttemptFinished(string service, long startTimestamp, TimeProvider clock, bool success)
    {
        if (AttemptDuration.Enabled && startTimestamp != 0)
        {
            AttemptDuration.Record(
                clock.GetElapsedTime(startTimestamp).TotalMilliseconds,
                new KeyValuePair<string, object?>("patternsgen.service", service),
                new KeyValuePair<string, object?>("patternsgen.outcome", success ? "success" : "failure"));
        }
    }

    public static void GaveUp(string service, int attempts, double durationMs, Exception error, ILogger? logger)
    {
        if (logger is not null)
        {
            LogGaveUp(logger, error, RetryPattern, service, PatternsGenDiagnostics.CorrelationId(), attempts, durationMs);
        }
    }

    private static void AddEvent(string name, string pattern, string service, string? tagName, object? tagValue)
    {
        // Only when someone listens to the PatternsGen source: reading Activity.Current (an AsyncLocal)
        // on every rejection would cost more than the rejection itself.
        if (!PatternsGenDiagnostics.ActivitySource.HasListeners() || Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var tags = new ActivityTagsCollection
        {
            ["patternsgen.pattern"] = pattern,
            ["patternsgen.service"] = service,
        };
        if (tagName is not null)
        {
            tags[tagName] = tagValue;
        }

        activity.AddEvent(new ActivityEvent(name, tags: tags));
    }

    private static string StateName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        _ => "half_open",
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning,
        Message = "Circuit {Service} went from {From} to {To} (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogStateChanged(ILogger logger, string pattern, string service, string? correlationId, string from, string to);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug,
        Message = "Call to {Service} rejected (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogRejected(ILogger logger, string pattern, string service, string? correlationId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Attempt {Attempt} of {Service} failed; retrying in {DelayMs} ms (pattern={Pattern}, correlation_id={CorrelationId}, duration_ms={DelayMs})")]
    private static partial void LogRetrying(ILogger logger, Exception error, string pattern, string service, string? correlationId, int attempt, double delayMs);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "{Service} failed after {Attempts} attempts (pattern={Pattern}, correlation_id={CorrelationId}, duration_ms={DurationMs})")]
    private static partial void LogGaveUp(ILogger logger, Exception error, string pattern, string service, string? correlationId, int attempts, double durationMs);
}
