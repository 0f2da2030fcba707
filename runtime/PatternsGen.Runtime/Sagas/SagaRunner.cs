using System.Collections.Concurrent;
using System.Diagnostics;
using PatternsGen.Coordination;

namespace PatternsGen.Sagas;

/// <summary>
/// Runs a saga the same way for every saga class: the steps in order; when one fails before the pivot, the
/// completed steps' compensations newest first, each given its own step's result; retries and timeouts per step;
/// telemetry; and, when the saga keeps a <see cref="SagaLog"/>, a record of each step so that a run can be resumed
/// after a crash. The generated <c>ExecuteAsync</c> and <c>ResumeAsync</c> of a <c>[Saga]</c> class call these.
/// </summary>
public static class SagaRunner
{
    /// <summary>The logged runs executing in this process now, by owner and stream: recovery leaves them alone.</summary>
    private static readonly ConcurrentDictionary<string, byte> Running = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="saga"/>; recorded under a new saga id when it has a log.</summary>
    /// <exception cref="SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
    /// <exception cref="SagaLogException">The log could not be written; the run stopped where it was.</exception>
    public static Task ExecuteAsync<TContext>(ISaga<TContext> saga, TContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        return saga.Log is null ? RunAsync(saga, context, null, null, ct) : ExecuteAsync(saga, SagaLog.NewSagaId(), context, ct);
    }

    /// <summary>Runs <paramref name="saga"/>, recording the run under <paramref name="sagaId"/> in its log (when it has one).</summary>
    /// <exception cref="SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
    /// <exception cref="SagaLogException">The log could not be written; the run stopped where it was.</exception>
    /// <exception cref="InvalidOperationException">A run with this id exists already.</exception>
    public static async Task ExecuteAsync<TContext>(ISaga<TContext> saga, string sagaId, TContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var sagaLog = saga.Log;
        if (sagaLog is not null)
        {
            // Before any step runs: a result type the log cannot store fails here, not after a step has charged a card.
            foreach (var step in saga.Definition.Steps)
            {
                if (step.Result is { } type)
                {
                    sagaLog.Require(type);
                }
            }
        }

        // Known as running here from before its start is recorded: recovery in this process never takes it for stopped.
        await RunHereAsync(saga, sagaId, async () =>
        {
            var log = sagaLog is null ? null : await sagaLog.StartAsync(saga.Definition.Name, sagaId, context, ct).ConfigureAwait(false);
            await RunAsync(saga, context, log, null, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues run <paramref name="sagaId"/> from the saga's log after a crash: forward from the first step not
    /// recorded as completed, or on with the compensations not recorded as done. A step or compensation interrupted by
    /// the crash runs again; one recorded as done never does. A finished run is left as it is.
    /// </summary>
    /// <returns>Where the run stands now; <see cref="SagaStatus.Stalled"/> when a step after the pivot still fails.</returns>
    /// <exception cref="SagaLogException">The log could not be read or written.</exception>
    /// <exception cref="InvalidOperationException">The saga has no log, or no run with this id.</exception>
    public static async Task<SagaStatus> ResumeAsync<TContext>(ISaga<TContext> saga, string sagaId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var history = await LogOf(saga).ReadAsync(saga.Definition.Name, sagaId, ct).ConfigureAwait(false);
        if (history.Status is SagaStatus.Completed or SagaStatus.Compensated or SagaStatus.CompensationFailed)
        {
            return history.Status;
        }

        try
        {
            await RunHereAsync(saga, sagaId, () => RunAsync(saga, history.GetContext<TContext>(), history.Continue(), history, ct)).ConfigureAwait(false);
            return SagaStatus.Completed;
        }
        catch (SagaExecutionException error)
        {
            return history.StatusAfter(error);
        }
    }

    /// <summary>Resumes every run of the saga its log holds as running, compensating or stalled (at start-up, after a crash).</summary>
    /// <returns>Each resumed run and where it stands now.</returns>
    /// <exception cref="InvalidOperationException">The saga has no log.</exception>
    public static Task<IReadOnlyList<SagaSummary>> ResumeUnfinishedAsync<TContext>(ISaga<TContext> saga, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        return LogOf(saga).ResumeUnfinishedAsync(saga.Definition.Name, (sagaId, token) => ResumeAsync(saga, sagaId, token), ct);
    }

    /// <summary>
    /// Resumes the runs of <paramref name="saga"/> that no live instance runs, for a service with several instances: each
    /// run whose owner is gone — its instance lease (<see cref="ServiceInstance.LeaseOf"/>) could be taken in
    /// <paramref name="instances"/> — is claimed for this instance (<see cref="SagaLog.Owner"/>) and resumed, and so is a
    /// run of this instance's own that it no longer executes (it stopped on a log failure). A claim is appended at the
    /// version read: should the old owner still be alive, its next record is refused and it stops, so a run never has two
    /// writers. Runs of live instances are left alone.
    /// </summary>
    /// <param name="saga">The saga, with its <see cref="SagaLog"/>.</param>
    /// <param name="instances">Where the instances hold their leases (the service's SQLite or PostgreSQL store).</param>
    /// <param name="probe">How long to hold a gone instance's lease while claiming its runs.</param>
    /// <param name="ct">Stops between runs.</param>
    /// <returns>Each run resumed, and where it stands now.</returns>
    public static async Task<IReadOnlyList<SagaSummary>> ResumeOrphansAsync<TContext>(ISaga<TContext> saga, ILeaseStore instances, TimeSpan probe, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(instances);
        var log = LogOf(saga);
        var name = saga.Definition.Name;
        var gone = new Dictionary<string, bool>(StringComparer.Ordinal);
        return await log.ResumeUnfinishedAsync(name, (sagaId, token) => ResumeAsync(saga, sagaId, token), ct, async (sagaId, token) =>
        {
            if (Running.ContainsKey(RunKey(log, name, sagaId)))
            {
                return false; // executing here
            }

            var run = await log.ReadAsync(name, sagaId, token).ConfigureAwait(false);
            if (run.Owner == log.Owner)
            {
                return true; // this instance's own run, stopped on a log failure: nothing to claim
            }

            if (run.Owner is { } owner && !gone.TryGetValue(owner, out var isGone))
            {
                var lease = ServiceInstance.LeaseOf(owner);
                isGone = gone[owner] = await instances.TryAcquireLeaseAsync(lease, log.Owner, probe, token).ConfigureAwait(false) is not null;
                if (isGone)
                {
                    await instances.ReleaseLeaseAsync(lease, log.Owner, token).ConfigureAwait(false); // only a probe: the instance is not coming back under this name
                }
            }

            // Not when its owner lives; and not when someone wrote to it since it was read.
            return (run.Owner is null || gone[run.Owner]) && await log.ClaimAsync(run, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Runs a logged run, known meanwhile as executing in this process.</summary>
    private static async Task RunHereAsync<TContext>(ISaga<TContext> saga, string sagaId, Func<Task> run)
    {
        if (saga.Log is null)
        {
            await run().ConfigureAwait(false);
            return;
        }

        var key = RunKey(saga.Log, saga.Definition.Name, sagaId);
        Running[key] = 0;
        try
        {
            await run().ConfigureAwait(false);
        }
        finally
        {
            Running.TryRemove(key, out _);
        }
    }

    private static string RunKey(SagaLog log, string sagaName, string sagaId) => log.Owner + "\n" + SagaLog.StreamId(sagaName, sagaId);

    private static SagaLog LogOf<TContext>(ISaga<TContext> saga) =>
        saga.Log ?? throw new InvalidOperationException($"Saga '{saga.Definition.Name}' has no SagaLog to resume from: set its SagaLog member.");

    /// <summary>
    /// The steps, then either success or the compensations. <paramref name="resumed"/> (a run read back from the log)
    /// sets where it starts; <paramref name="log"/> (null without one) records each step and compensation as it ends.
    /// </summary>
    private static async Task RunAsync<TContext>(ISaga<TContext> saga, TContext context, SagaLogWriter? log, SagaHistory? resumed, CancellationToken ct)
    {
        var definition = saga.Definition;
        var (name, steps, logger) = (definition.Name, definition.Steps, saga.Logger);
        var started = SagaTelemetry.Start(logger);
        using var activity = SagaTelemetry.StartSaga(name);
        Activity? stepActivity = null;
        var results = new object?[steps.Count];
        var completed = 0; // steps done, in order
        var pending = -1; // once compensating: completed steps below this index are still to undo
        string failed = null!;
        Exception error = null!;
        if (resumed is not null)
        {
            completed = resumed.CompletedSteps;
            pending = resumed.PendingCompensations;
            for (var i = 0; i < completed; i++)
            {
                // Results are read back only for the compensations: nothing else uses them.
                if (steps[i] is { Result: { } type, Compensation: not null })
                {
                    results[i] = resumed.GetResult(i, type);
                }
            }

            if (pending >= 0)
            {
                (failed, error) = (resumed.Failure!.Step, resumed.RecordedFailure());
            }
        }

        if (pending < 0)
        {
            try
            {
                for (; completed < steps.Count; completed++)
                {
                    ct.ThrowIfCancellationRequested();
                    var step = steps[completed];
                    stepActivity = SagaTelemetry.StartStep(name, step.Name);
                    results[completed] = await RunStepAsync(saga, step, completed, context, ct).ConfigureAwait(false);
                    stepActivity = SagaTelemetry.StepSucceeded(stepActivity);
                    if (log is not null)
                    {
                        await log.StepCompletedAsync(completed, step.Name, results[completed], step.Result).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception stepError) when (stepError is not SagaLogException)
            {
                // A SagaLogException passes: when the log cannot be written the run stops as it is, and the log stays the truth.
                SagaTelemetry.StepFailed(stepActivity, stepError);
                (failed, error) = (steps[completed].Name, stepError);
                if (definition.Pivot >= 0 && completed > definition.Pivot)
                {
                    // Past the point of no return: nothing is undone; the log keeps the run for ResumeAsync to retry forward.
                    if (log is not null)
                    {
                        await log.StepFailedAsync(completed, failed, error, pastPivot: true).ConfigureAwait(false);
                    }

                    SagaTelemetry.Failed(activity, name, failed, error, 0, pastPivot: true, started, logger);
                    throw new SagaExecutionException(name, failed, error, pastPivot: true);
                }

                if (log is not null)
                {
                    await log.StepFailedAsync(completed, failed, error, pastPivot: false).ConfigureAwait(false);
                }

                pending = completed;
            }

            if (pending < 0)
            {
                if (log is not null)
                {
                    await log.FinishedAsync(SagaStatus.Completed).ConfigureAwait(false);
                }

                SagaTelemetry.Completed(activity, name, started, logger);
                return;
            }
        }

        List<SagaCompensationFailure>? failures = null;
        for (var i = pending - 1; i >= 0; i--)
        {
            var step = steps[i];
            if (step.Compensation is not { } undo)
            {
                if (step.NothingToUndo && log is not null)
                {
                    await log.NothingToUndoAsync(i, step.Name).ConfigureAwait(false);
                }

                continue;
            }

            Exception? undoError = null;
            try
            {
                await CompensateAsync(saga, step, i, context, results[i]).ConfigureAwait(false);
            }
            catch (Exception compensationError)
            {
                undoError = compensationError;
            }

            if (undoError is null)
            {
                SagaTelemetry.Compensated(name, step.Name, undo, logger);
                if (log is not null)
                {
                    await log.CompensatedAsync(i, step.Name, undo).ConfigureAwait(false);
                }
            }
            else
            {
                // Kept, never lost: in the exception, and in the log as the run's dead letter.
                SagaTelemetry.CompensationFailed(name, step.Name, undo, undoError, logger);
                (failures ??= []).Add(new SagaCompensationFailure(step.Name, undo, undoError));
                if (log is not null)
                {
                    await log.CompensationFailedAsync(i, step.Name, undo, undoError).ConfigureAwait(false);
                }
            }
        }

        if (log is not null)
        {
            var clean = failures is null && (resumed is null || resumed.CompensationFailures.Count == 0);
            await log.FinishedAsync(clean ? SagaStatus.Compensated : SagaStatus.CompensationFailed).ConfigureAwait(false);
        }

        SagaTelemetry.Failed(activity, name, failed, error, failures?.Count ?? 0, pastPivot: false, started, logger);
        throw new SagaExecutionException(name, failed, error, failures);
    }

    /// <summary>One step, through a retry and timeout pipeline on the saga's clock when its attribute asks for one.</summary>
    private static ValueTask<object?> RunStepAsync<TContext>(ISaga<TContext> saga, SagaStepDefinition step, int index, TContext context, CancellationToken ct)
    {
        if (!step.HasPolicy)
        {
            return saga.RunStepAsync(index, context, ct);
        }

        var pipeline = SagaPolicies.Create(saga.Definition.Name, step.Name, step.MaxAttempts, step.RetryDelayMilliseconds, step.TimeoutMilliseconds, saga.TimeProvider, saga.Logger);
        return pipeline.ExecuteAsync(static (s, token) => s.Saga.RunStepAsync(s.Index, s.Context, token), (Saga: saga, Index: index, Context: context), ct);
    }

    /// <summary>One compensation, with a token that is not cancelled: undoing must not stop because the caller gave up.</summary>
    private static ValueTask CompensateAsync<TContext>(ISaga<TContext> saga, SagaStepDefinition step, int index, TContext context, object? result)
    {
        if (step.CompensationAttempts == 1)
        {
            return saga.CompensateAsync(index, context, result, CancellationToken.None);
        }

        var pipeline = SagaPolicies.Create(saga.Definition.Name, step.Compensation!, step.CompensationAttempts, step.RetryDelayMilliseconds, 0, saga.TimeProvider, saga.Logger);
        return pipeline.ExecuteAsync(
            static (s, token) => s.Saga.CompensateAsync(s.Index, s.Context, s.Result, token), (Saga: saga, Index: index, Context: context, Result: result), CancellationToken.None);
    }
}
