namespace PatternsGen.Sagas;

/// <summary>Where a saga stands, as its log records it.</summary>
public enum SagaStatus
{
    /// <summary>Started and going forward; a crash leaves it here until <c>ResumeAsync</c>.</summary>
    Running,

    /// <summary>A step failed before the pivot; compensations are under way.</summary>
    Compensating,

    /// <summary>A step after the pivot failed; <c>ResumeAsync</c> retries it, never compensates.</summary>
    Stalled,

    /// <summary>Every step completed.</summary>
    Completed,

    /// <summary>A step failed and every completed step was compensated.</summary>
    Compensated,

    /// <summary>A step failed and at least one compensation still failed after its attempts (see <see cref="SagaCompensationFailed"/>).</summary>
    CompensationFailed,
}
