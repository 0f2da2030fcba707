namespace PatternsGen.Sagas;

/// <summary>A saga's name and its steps in the order they run, as its generated code declares them.</summary>
public sealed class SagaDefinition
{
    /// <param name="name">The saga's name, in telemetry and in the log.</param>
    /// <param name="steps">The steps in order; at most one is the pivot.</param>
    public SagaDefinition(string name, params SagaStepDefinition[] steps)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0)
        {
            throw new ArgumentException($"Saga '{name}' has no steps.", nameof(steps));
        }

        Name = name;
        Steps = steps;
        Pivot = Array.FindIndex(steps, static s => s.Pivot);
        foreach (var step in steps)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(step.MaxAttempts, 1, nameof(SagaStepAttribute.MaxAttempts));
            ArgumentOutOfRangeException.ThrowIfLessThan(step.CompensationAttempts, 1, nameof(SagaStepAttribute.CompensationAttempts));
            ArgumentOutOfRangeException.ThrowIfNegative(step.RetryDelayMilliseconds, nameof(SagaStepAttribute.RetryDelayMilliseconds));
            ArgumentOutOfRangeException.ThrowIfNegative(step.TimeoutMilliseconds, nameof(SagaStepAttribute.TimeoutMilliseconds));
        }
    }

    /// <summary>The saga's name.</summary>
    public string Name { get; }

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<SagaStepDefinition> Steps { get; }

    /// <summary>The pivot's index; -1 when every step can be undone.</summary>
    internal int Pivot { get; }
}

/// <summary>One step of a <see cref="SagaDefinition"/>: the settings of its <c>[SagaStep]</c>.</summary>
/// <param name="Name">The step method's name.</param>
public sealed record SagaStepDefinition(string Name)
{
    /// <summary>The type the step returns; null when it returns no value.</summary>
    public Type? Result { get; init; }

    /// <summary>The compensation method's name; null when the step has none.</summary>
    public string? Compensation { get; init; }

    /// <summary>The point of no return: a failure after it is not compensated.</summary>
    public bool Pivot { get; init; }

    /// <summary>The step changes nothing: compensation passes over it, and the log says so.</summary>
    public bool NothingToUndo { get; init; }

    /// <inheritdoc cref="SagaStepAttribute.MaxAttempts"/>
    public int MaxAttempts { get; init; } = 1;

    /// <inheritdoc cref="SagaStepAttribute.RetryDelayMilliseconds"/>
    public int RetryDelayMilliseconds { get; init; } = SagaStepAttribute.DefaultRetryDelayMilliseconds;

    /// <inheritdoc cref="SagaStepAttribute.TimeoutMilliseconds"/>
    public int TimeoutMilliseconds { get; init; }

    /// <inheritdoc cref="SagaStepAttribute.CompensationAttempts"/>
    public int CompensationAttempts { get; init; } = 1;

    /// <summary>The step runs through a retry or timeout pipeline.</summary>
    internal bool HasPolicy => MaxAttempts != 1 || TimeoutMilliseconds != 0;
}
