using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Sagas;

/// <summary>
/// A <c>[Saga]</c> class as its generated code presents it to <see cref="SagaRunner"/>, which runs every saga the same
/// way (order, compensation, the pivot, retries, telemetry, the log and resuming): the generated part of a class is
/// its steps, in a switch.
/// </summary>
/// <typeparam name="TContext">What every step of the saga is given.</typeparam>
public interface ISaga<TContext>
{
    /// <summary>The saga's name and steps, in order.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    SagaDefinition Definition { get; }

    /// <summary>Runs step <paramref name="step"/> (an index into <see cref="SagaDefinition.Steps"/>); its result, or null when it returns none.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    ValueTask<object?> RunStepAsync(int step, TContext context, CancellationToken ct);

    /// <summary>Runs the compensation of step <paramref name="step"/>, given the step's own result.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    ValueTask CompensateAsync(int step, TContext context, object? result, CancellationToken ct);

    /// <summary>The saga's logger (an <c>ILogger</c> member), if it has one.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    ILogger? Logger => null;

    /// <summary>The clock retries and timeouts wait on (a <c>TimeProvider</c> member); the system clock when null.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    TimeProvider? TimeProvider => null;

    /// <summary>Where runs are recorded (a <c>SagaLog</c> member), if the saga keeps a log.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    SagaLog? Log => null;
}
