namespace PatternsGen;

/// <summary>
/// Marks a method of a <see cref="SagaAttribute"/> class as one step of the saga.
/// </summary>
/// <remarks>
/// A step is <c>Task&lt;R&gt;</c>, <c>ValueTask&lt;R&gt;</c>, <c>Task</c> or <c>ValueTask</c>
/// <c>Step(TContext context, CancellationToken ct)</c>. Its compensation is
/// <c>Task</c>/<c>ValueTask Undo(TContext context, R stepResult, CancellationToken ct)</c>
/// (without <c>stepResult</c> when the step returns no value).
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class SagaStepAttribute : Attribute
{
    /// <summary>Declares a step that runs in position <paramref name="order"/>.</summary>
    /// <param name="order">The step's position; steps run in ascending order.</param>
    public SagaStepAttribute(int order) => Order = order;

    /// <summary>The step's position; steps run in ascending order.</summary>
    public int Order { get; }

    /// <summary>
    /// The name of the method that undoes this step (use <c>nameof</c>). A step with no compensation
    /// must be the pivot, come after it, or declare <see cref="NothingToUndo"/> (PGEN001).
    /// </summary>
    public string? Compensate { get; set; }

    /// <summary>
    /// Declares that the step changes nothing (it only reads: validates, quotes, looks up), so there is
    /// nothing to undo when a later step fails. The saga passes over it when compensating, its log records
    /// it as having had nothing to undo, and PGEN001 does not ask for a compensation. A step that also
    /// names a <see cref="Compensate"/> method is reported (PGEN109), and that method still runs.
    /// </summary>
    public bool NothingToUndo { get; set; }

    /// <summary>
    /// Marks the point of no return: once this step has succeeded the saga can only go forward, so the
    /// steps after it are retried rather than compensated, and this step needs no compensation.
    /// </summary>
    public bool Pivot { get; set; }

    /// <summary>
    /// How many times the step is tried before the saga fails (1, the default, means no retry). Retries
    /// wait with exponential backoff and jitter from <see cref="RetryDelayMilliseconds"/>, on the saga's
    /// <see cref="TimeProvider"/> field or property if it has one.
    /// </summary>
    public int MaxAttempts { get; set; } = 1;

    /// <summary>The first retry delay of the step and of its compensation, doubling up to 60 s. Default 200 ms.</summary>
    public int RetryDelayMilliseconds { get; set; } = DefaultRetryDelayMilliseconds;

    /// <summary>The default of <see cref="RetryDelayMilliseconds"/>: 200 ms.</summary>
    public const int DefaultRetryDelayMilliseconds = 200;

    /// <summary>A time limit for each attempt of the step, in milliseconds; 0 (the default) means none.</summary>
    public int TimeoutMilliseconds { get; set; }

    /// <summary>
    /// How many times the compensation is tried before it is recorded as failed (1, the default, means no
    /// retry). A compensation that still fails is never lost: it is in
    /// <c>SagaExecutionException.CompensationFailures</c> and logged as an error.
    /// </summary>
    public int CompensationAttempts { get; set; } = 1;
}
