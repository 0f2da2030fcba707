using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// What one <c>[SagaStep]</c> declares, read the same way by the saga generator, the saga analyzer and the
/// code fixes. The names and defaults are the runtime attribute's (<c>PatternsGen.SagaStepAttribute</c>):
/// change them there and here together.
/// </summary>
internal sealed class SagaStepSettings
{
    public const string Compensate = nameof(Compensate);
    public const string Pivot = nameof(Pivot);
    public const string NothingToUndo = nameof(NothingToUndo);
    public const string MaxAttempts = nameof(MaxAttempts);
    public const string RetryDelayMilliseconds = nameof(RetryDelayMilliseconds);
    public const string TimeoutMilliseconds = nameof(TimeoutMilliseconds);
    public const string CompensationAttempts = nameof(CompensationAttempts);

    public const int DefaultMaxAttempts = 1;
    public const int DefaultRetryDelayMilliseconds = 200;
    public const int DefaultTimeoutMilliseconds = 0;
    public const int DefaultCompensationAttempts = 1;

    private SagaStepSettings(AttributeData attribute)
    {
        Order = AttributeReader.ConstructorInt32(attribute, 0);
        CompensateName = AttributeReader.NamedString(attribute, Compensate);
        IsPivot = AttributeReader.NamedBoolean(attribute, Pivot) ?? false;
        HasNothingToUndo = AttributeReader.NamedBoolean(attribute, NothingToUndo) ?? false;
        Attempts = AttributeReader.NamedInt32(attribute, MaxAttempts) ?? DefaultMaxAttempts;
        RetryDelay = AttributeReader.NamedInt32(attribute, RetryDelayMilliseconds) ?? DefaultRetryDelayMilliseconds;
        Timeout = AttributeReader.NamedInt32(attribute, TimeoutMilliseconds) ?? DefaultTimeoutMilliseconds;
        UndoAttempts = AttributeReader.NamedInt32(attribute, CompensationAttempts) ?? DefaultCompensationAttempts;
    }

    /// <summary>The step's position; null when the constructor argument is missing or not a constant.</summary>
    public int? Order { get; }

    /// <summary>The compensation the step names, as written; null when it names none.</summary>
    public string? CompensateName { get; }

    public bool IsPivot { get; }

    /// <summary>The step only reads: compensation passes over it.</summary>
    public bool HasNothingToUndo { get; }

    public int Attempts { get; }

    public int RetryDelay { get; }

    public int Timeout { get; }

    public int UndoAttempts { get; }

    /// <summary>
    /// The settings that must be in range, with their lower bounds: tries are at least 1 (1 means no
    /// retry), delays and timeouts 0 or more (a timeout of 0 means none).
    /// </summary>
    public (string Setting, int Value, int Minimum)[] Ranges =>
    [
        (MaxAttempts, Attempts, 1),
        (CompensationAttempts, UndoAttempts, 1),
        (RetryDelayMilliseconds, RetryDelay, 0),
        (TimeoutMilliseconds, Timeout, 0),
    ];

    public static SagaStepSettings Read(AttributeData attribute) => new(attribute);
}
