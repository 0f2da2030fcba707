namespace PatternsGen.Sagas;

/// <summary>
/// A saga step failed (or the saga was cancelled). Before this is thrown the compensations of the
/// completed steps have run, newest first; any that failed are in <see cref="CompensationFailures"/>.
/// </summary>
public sealed class SagaExecutionException : Exception
{
    /// <summary>Creates the exception for <paramref name="stepName"/> of <paramref name="sagaName"/>.</summary>
    public SagaExecutionException(string sagaName, string stepName, Exception innerException, IReadOnlyList<SagaCompensationFailure>? compensationFailures = null, bool pastPivot = false)
        : base(Describe(sagaName, stepName, innerException, compensationFailures, pastPivot), innerException)
    {
        SagaName = sagaName;
        StepName = stepName;
        CompensationFailures = compensationFailures ?? [];
        PastPivot = pastPivot;
    }

    /// <summary>The saga class.</summary>
    public string SagaName { get; }

    /// <summary>The method name of the step that failed.</summary>
    public string StepName { get; }

    /// <summary>Compensations that threw; each step's compensation runs once, and a failure is kept here, never lost.</summary>
    public IReadOnlyList<SagaCompensationFailure> CompensationFailures { get; }

    /// <summary>
    /// The failure came after the pivot step had succeeded: the saga is past its point of no return, so
    /// nothing was compensated. The steps after the pivot must be retried to completion.
    /// </summary>
    public bool PastPivot { get; }

    private static string Describe(string saga, string step, Exception error, IReadOnlyList<SagaCompensationFailure>? failures, bool pastPivot)
    {
        var what = pastPivot
            ? "after its pivot, so nothing was compensated; the remaining steps must be retried"
            : failures is { Count: > 0 }
                ? $"{failures.Count} compensation(s) failed too: {string.Join(", ", failures.Select(static f => f.CompensationName))}"
                : "the completed steps were compensated";
        return $"Saga '{saga}' failed at step '{step}' ({error.GetType().Name}: {error.Message}); {what}.";
    }
}

/// <summary>A compensation that threw while a saga was being rolled back.</summary>
/// <param name="StepName">The step it undoes.</param>
/// <param name="CompensationName">The compensation method.</param>
/// <param name="Exception">What it threw.</param>
public sealed record SagaCompensationFailure(string StepName, string CompensationName, Exception Exception);
