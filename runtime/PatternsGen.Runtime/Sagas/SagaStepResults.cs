using System.ComponentModel;

namespace PatternsGen.Sagas;

/// <summary>
/// A step's or compensation's task as the <see cref="SagaRunner"/> awaits it, whatever the method returns
/// (<c>Task</c>, <c>ValueTask</c>, with a result or without). Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SagaStepResults
{
    /// <summary>A step's result.</summary>
    public static async ValueTask<object?> Of<T>(Task<T> step) => await step.ConfigureAwait(false);

    /// <summary>A step's result.</summary>
    public static async ValueTask<object?> Of<T>(ValueTask<T> step) => await step.ConfigureAwait(false);

    /// <summary>A step that returns no value.</summary>
    public static async ValueTask<object?> None(Task step)
    {
        await step.ConfigureAwait(false);
        return null;
    }

    /// <summary>A step that returns no value.</summary>
    public static async ValueTask<object?> None(ValueTask step)
    {
        await step.ConfigureAwait(false);
        return null;
    }

    /// <summary>A compensation.</summary>
    public static ValueTask Done(Task compensation) => new(compensation);
}
