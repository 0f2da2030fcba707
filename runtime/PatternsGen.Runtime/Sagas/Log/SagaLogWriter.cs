using PatternsGen.EventSourcing;

namespace PatternsGen.Sagas;

/// <summary>
/// Appends one run's records, each with the stream version it expects, so two processes driving the
/// same run cannot both write: the second stops with <see cref="SagaLogException"/>.
/// </summary>
internal sealed class SagaLogWriter
{
    private readonly SagaLog _log;
    private readonly string _stream;
    private long _version;

    internal SagaLogWriter(SagaLog log, string stream, long version)
    {
        _log = log;
        _stream = stream;
        _version = version;
    }

    /// <summary>Records that step <paramref name="index"/> returned <paramref name="result"/>, of its declared <paramref name="resultType"/> (null when it returns none).</summary>
    public ValueTask StepCompletedAsync(int index, string step, object? result, Type? resultType) =>
        AppendAsync(new SagaStepCompleted(index, step, resultType is null ? null : _log.Serialize(result, resultType, $"result of step '{step}'")));

    /// <summary>Records a failed step.</summary>
    public ValueTask StepFailedAsync(int index, string step, Exception error, bool pastPivot) =>
        AppendAsync(new SagaStepFailed(index, step, error.GetType().FullName ?? error.GetType().Name, error.Message, pastPivot));

    /// <summary>Records a compensation that ran.</summary>
    public ValueTask CompensatedAsync(int index, string step, string compensation) =>
        AppendAsync(new SagaStepCompensated(index, step, compensation));

    /// <summary>Records that compensation passed over a step with nothing to undo.</summary>
    public ValueTask NothingToUndoAsync(int index, string step) => AppendAsync(new SagaStepHadNothingToUndo(index, step));

    /// <summary>Records a compensation that still failed after its attempts: the dead letter.</summary>
    public ValueTask CompensationFailedAsync(int index, string step, string compensation, Exception error) =>
        AppendAsync(new SagaCompensationFailed(index, step, compensation, error.GetType().FullName ?? error.GetType().Name, error.Message));

    /// <summary>Records the end of the run.</summary>
    public ValueTask FinishedAsync(SagaStatus status) => AppendAsync(new SagaFinished(status));

    private async ValueTask AppendAsync(object record)
    {
        try
        {
            // Never cancelled: a step that has run must be recorded, even when the caller gave up.
            _version = await _log.Store.AppendAsync(_stream, _version, [record], CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConcurrencyException error)
        {
            throw new SagaLogException($"Saga run '{_stream}' was written by someone else (expected version {error.ExpectedVersion}, found {error.ActualVersion}); this run stops here.", error);
        }
        catch (Exception error)
        {
            throw new SagaLogException($"Saga run '{_stream}' could not record {record.GetType().Name}: {error.Message}. The run stops here; ResumeAsync continues it.", error);
        }
    }
}
