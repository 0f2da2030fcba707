using System.ComponentModel;
using PatternsGen.EventSourcing;

namespace PatternsGen.Sagas;

/// <summary>One run of a saga as its log recorded it: what completed, what failed, what was compensated.</summary>
public sealed class SagaHistory
{
    private readonly SagaLog _log;
    private readonly List<SagaStepCompleted> _completed = [];
    private readonly List<SagaCompensationFailed> _compensationFailures = [];
    private SagaStarted? _started;
    private SagaFinished? _finished;

    internal SagaHistory(SagaLog log, string sagaName, string sagaId)
    {
        _log = log;
        SagaName = sagaName;
        SagaId = sagaId;
    }

    /// <summary>The saga class's name.</summary>
    public string SagaName { get; }

    /// <summary>The run's id.</summary>
    public string SagaId { get; }

    /// <summary>Where the run stands.</summary>
    public SagaStatus Status =>
        _finished?.Status
        ?? (Failure is null ? SagaStatus.Running : Failure.PastPivot ? SagaStatus.Stalled : SagaStatus.Compensating);

    /// <summary>How many steps completed, in order.</summary>
    public int CompletedSteps => _completed.Count;

    /// <summary>
    /// Compensation goes newest first: the completed steps below this index are still to be compensated
    /// (each one recorded as compensated, as having nothing to undo, or dead-lettered lowers it).
    /// </summary>
    public int PendingCompensations { get; private set; } = -1;

    /// <summary>The last step failure, if any.</summary>
    public SagaStepFailed? Failure { get; private set; }

    /// <summary>Compensations that still failed after their attempts.</summary>
    public IReadOnlyList<SagaCompensationFailed> CompensationFailures => _compensationFailures;

    internal long Version { get; private set; }

    /// <summary>The instance that runs it: the one that started it, or the last to claim it; null in logs from before owners were kept.</summary>
    public string? Owner { get; private set; }

    /// <summary>The run's context, read back.</summary>
    public TContext GetContext<TContext>() => _log.Deserialize<TContext>(_started!.Context, "context");

    /// <summary>The result step <paramref name="index"/> recorded, read back.</summary>
    public TResult GetResult<TResult>(int index) => (TResult)GetResult(index, typeof(TResult))!;

    /// <summary>The result step <paramref name="index"/> recorded, read back as its declared <paramref name="type"/>.</summary>
    internal object? GetResult(int index, Type type)
    {
        var step = _completed[index];
        return step.Result is { } json
            ? _log.Deserialize(json, type, $"result of step '{step.Step}'")
            : throw new SagaLogException($"Saga run '{SagaLog.StreamId(SagaName, SagaId)}' recorded no result for step '{step.Step}'.");
    }

    /// <summary>The recorded failure as an exception, for the <c>InnerException</c> of a <see cref="SagaExecutionException"/> when a resumed run ends compensated.</summary>
    internal Exception RecordedFailure() =>
        Failure is { } failure
            ? new SagaRecordedFailureException(failure.ErrorType, failure.Error)
            : new InvalidOperationException("The run recorded no failure.");

    /// <summary>Where a resumed run stands after it threw <paramref name="error"/>.</summary>
    internal SagaStatus StatusAfter(SagaExecutionException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.PastPivot ? SagaStatus.Stalled
            : error.CompensationFailures.Count == 0 && _compensationFailures.Count == 0 ? SagaStatus.Compensated
            : SagaStatus.CompensationFailed;
    }

    /// <summary>A writer that appends after the last record.</summary>
    internal SagaLogWriter Continue() => new(_log, SagaLog.StreamId(SagaName, SagaId), Version);

    internal void Apply(RecordedEvent recorded)
    {
        Version = recorded.Version;
        switch (recorded.Data)
        {
            case SagaStarted started when _started is null:
                _started = started;
                Owner = started.Owner;
                break;
            case SagaClaimed claimed when _started is not null && _finished is null:
                Owner = claimed.Owner;
                break;
            case SagaStepCompleted step when _started is not null && Failure is not { PastPivot: false } && step.Index == _completed.Count:
                _completed.Add(step);
                Failure = null; // a stalled run that moved on again
                break;
            case SagaStepFailed failure when _started is not null && failure.Index == _completed.Count:
                Failure = failure;
                if (!failure.PastPivot)
                {
                    PendingCompensations = _completed.Count;
                }

                break;
            case SagaStepCompensated undone when PendingCompensations > undone.Index:
                PendingCompensations = undone.Index;
                break;
            case SagaStepHadNothingToUndo skipped when PendingCompensations > skipped.Index:
                PendingCompensations = skipped.Index;
                break;
            case SagaCompensationFailed failed when PendingCompensations > failed.Index:
                PendingCompensations = failed.Index;
                _compensationFailures.Add(failed);
                break;
            case SagaFinished finished when _started is not null && _finished is null:
                _finished = finished;
                break;
            default:
                throw new SagaLogException(
                    $"Saga run '{recorded.StreamId}' has an unexpected record at version {recorded.Version} ({recorded.EventType}); it is not a well-formed saga log.");
        }
    }
}

/// <summary>A step failure read back from a saga log: the original exception did not survive the crash, its type and message did.</summary>
public sealed class SagaRecordedFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SagaRecordedFailureException(string errorType, string message)
        : base($"{errorType}: {message}")
    {
        ErrorType = errorType;
    }

    /// <summary>The original exception's type name.</summary>
    public string ErrorType { get; }
}
