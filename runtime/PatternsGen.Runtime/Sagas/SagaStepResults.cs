using System.ComponentModel;

namespace PatternsGen.Sagas;

/// <summary>
/// A step's or compensation's task as the <see cref="SagaRunner"/> awaits it, whatever the method returns
/// (<c>Task</c>, <c>ValueTask</c>, with a result or without). Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SagaStepResults
{
    // Steps that complete synchronously (cached or local work) pass through without an async state machine.

    /// <summary>A step's result.</summary>
    public static ValueTask<object?> Of<T>(Task<T> step) =>
        step.IsCompletedSuccessfully ? new(step.Result) : AwaitAsync(step);

    /// <summary>A step's result.</summary>
    public static ValueTask<object?> Of<T>(ValueTask<T> step) =>
        step.IsCompletedSuccessfully ? new(step.Result) : AwaitAsync(step.AsTask());

    /// <summary>A step that returns no value.</summary>
    public static ValueTask<object?> None(Task step) =>
        step.IsCompletedSuccessfully ? default : AwaitAsync(step);

    /// <summary>A step that returns no value.</summary>
    public static ValueTask<object?> None(ValueTask step)
    {
        if (!step.IsCompletedSuccessfully)
        {
            return AwaitAsync(step.AsTask());
        }

        step.GetAwaiter().GetResult(); // a pooled ValueTask is handed back only once its result is read
        return default;
    }

    /// <summary>A compensation.</summary>
    public static ValueTask Done(Task compensation) => new(compensation);

    private static async ValueTask<object?> AwaitAsync<T>(Task<T> step) => await step.ConfigureAwait(false);

    private static async ValueTask<object?> AwaitAsync(Task step)
    {
        await step.ConfigureAwait(false);
        return null;
    }
}
