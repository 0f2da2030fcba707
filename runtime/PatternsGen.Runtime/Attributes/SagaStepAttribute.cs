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
    /// must be the pivot or come after it (PGEN001).
    /// </summary>
    public string? Compensate { get; set; }

    /// <summary>
    /// Marks the point of no return: once this step has succeeded the saga can only go forward, so the
    /// steps after it are retried rather than compensated, and this step needs no compensation.
    /// </summary>
    public bool Pivot { get; set; }
}
