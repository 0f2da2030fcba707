using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PatternsGen.Diagnostics;

namespace PatternsGen.Sagas;

/// <summary>
/// Activities, metrics and log messages of generated sagas; called by generated <c>ExecuteAsync</c>, not
/// meant to be called directly. One activity per saga (<c>saga {name}</c>) and one per step
/// (<c>saga {name}/{step}</c>) on the <c>PatternsGen</c> source, tagged with: saga, step,
/// correlation_id, duration_ms. Free when nobody listens: no timestamp, no activity, no allocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SagaTelemetry
{
    private static readonly Counter<long> Executions = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.saga.executions", unit: "{saga}", description: "Saga executions by outcome: completed, compensated, failed_after_pivot, compensation_failed.");

    private static readonly Counter<long> Compensations = PatternsGenDiagnostics.Meter.CreateCounter<long>(
        "patternsgen.saga.compensations", unit: "{compensation}", description: "Compensations run, by outcome: succeeded or failed.");

    private static readonly Histogram<double> Durations = PatternsGenDiagnostics.Meter.CreateHistogram<double>(
        "patternsgen.saga.duration", unit: "ms", description: "Duration of saga executions.");

    /// <summary>A start timestamp when anyone observes sagas, else 0 (no clock read).</summary>
    public static long Start(ILogger? logger) =>
        logger is not null || Durations.Enabled || PatternsGenDiagnostics.ActivitySource.HasListeners() ? Stopwatch.GetTimestamp() : 0;

    /// <summary>The saga's activity, or null when nobody listens.</summary>
    public static Activity? StartSaga(string saga)
    {
        if (!PatternsGenDiagnostics.ActivitySource.HasListeners())
        {
            return null; // before building the name: an unobserved saga allocates nothing
        }

        var activity = PatternsGenDiagnostics.ActivitySource.StartActivity("saga " + saga);
        if (activity is not null)
        {
            activity.SetTag("patternsgen.saga", saga);
            activity.SetTag("correlation_id", PatternsGenDiagnostics.CorrelationId());
        }

        return activity;
    }

    /// <summary>A step's activity, or null when nobody listens.</summary>
    public static Activity? StartStep(string saga, string step)
    {
        if (!PatternsGenDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = PatternsGenDiagnostics.ActivitySource.StartActivity("saga " + saga + "/" + step);
        if (activity is not null)
        {
            activity.SetTag("patternsgen.saga", saga);
            activity.SetTag("patternsgen.saga.step", step);
            activity.SetTag("correlation_id", PatternsGenDiagnostics.CorrelationId());
        }

        return activity;
    }

    /// <summary>Ends a step that succeeded; returns null for the caller to hold instead.</summary>
    public static Activity? StepSucceeded(Activity? step)
    {
        step?.Dispose();
        return null;
    }

    /// <summary>Ends the step that failed, if one was running.</summary>
    public static void StepFailed(Activity? step, Exception error)
    {
        if (step is not null)
        {
            step.SetStatus(ActivityStatusCode.Error, error.Message);
            step.Dispose();
        }
    }

    /// <summary>Records a compensation that ran, and logs it.</summary>
    public static void Compensated(string saga, string step, string compensation, ILogger? logger)
    {
        if (Compensations.Enabled)
        {
            Compensations.Add(1, new("patternsgen.saga", saga), new("patternsgen.saga.step", step), new("outcome", "succeeded"));
        }

        if (logger is not null)
        {
            LogCompensated(logger, saga, step, compensation, PatternsGenDiagnostics.CorrelationId());
        }
    }

    /// <summary>Records a compensation that threw, and logs it as an error: it must not be lost.</summary>
    public static void CompensationFailed(string saga, string step, string compensation, Exception error, ILogger? logger)
    {
        if (Compensations.Enabled)
        {
            Compensations.Add(1, new("patternsgen.saga", saga), new("patternsgen.saga.step", step), new("outcome", "failed"));
        }

        if (logger is not null)
        {
            LogCompensationFailed(logger, error, saga, step, compensation, PatternsGenDiagnostics.CorrelationId());
        }
    }

    /// <summary>Ends a saga that completed.</summary>
    public static void Completed(Activity? activity, string saga, long started, ILogger? logger)
    {
        var durationMs = started == 0 ? 0 : Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Record(activity, saga, "completed", durationMs, null);
        if (logger is not null)
        {
            LogCompleted(logger, saga, PatternsGenDiagnostics.CorrelationId(), durationMs);
        }
    }

    /// <summary>Ends a saga that failed, after its compensations ran.</summary>
    public static void Failed(Activity? activity, string saga, string step, Exception error, int compensationFailures, bool pastPivot, long started, ILogger? logger)
    {
        var durationMs = started == 0 ? 0 : Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var outcome = pastPivot ? "failed_after_pivot" : compensationFailures > 0 ? "compensation_failed" : "compensated";
        Record(activity, saga, outcome, durationMs, error);
        activity?.SetTag("patternsgen.saga.step", step);
        if (logger is not null)
        {
            LogFailed(logger, error, saga, step, outcome, PatternsGenDiagnostics.CorrelationId(), durationMs);
        }
    }

    private static void Record(Activity? activity, string saga, string outcome, double durationMs, Exception? error)
    {
        if (Executions.Enabled)
        {
            Executions.Add(1, new("patternsgen.saga", saga), new("outcome", outcome));
        }

        if (Durations.Enabled)
        {
            Durations.Record(durationMs, new("patternsgen.saga", saga), new("outcome", outcome));
        }

        if (activity is not null)
        {
            activity.SetTag("outcome", outcome);
            activity.SetTag("duration_ms", durationMs);
            if (error is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }
    }

    // The fields every PatternsGen log record carries: pattern, service (the saga), correlation_id and, where it applies, duration_ms.
    private const string Pattern = "saga";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Saga {Service} completed (pattern={Pattern}, correlation_id={CorrelationId}, duration_ms={DurationMs})")]
    private static partial void LogCompleted(ILogger logger, string service, string? correlationId, double durationMs, string pattern = Pattern);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Saga {Service} failed at step {Step}: {Outcome} (pattern={Pattern}, correlation_id={CorrelationId}, duration_ms={DurationMs})")]
    private static partial void LogFailed(ILogger logger, Exception error, string service, string step, string outcome, string? correlationId, double durationMs, string pattern = Pattern);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Saga {Service} compensated step {Step} with {Compensation} (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogCompensated(ILogger logger, string service, string step, string compensation, string? correlationId, string pattern = Pattern);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error,
        Message = "Saga {Service} could not compensate step {Step}: {Compensation} failed (pattern={Pattern}, correlation_id={CorrelationId})")]
    private static partial void LogCompensationFailed(ILogger logger, Exception error, string service, string step, string compensation, string? correlationId, string pattern = Pattern);
}
