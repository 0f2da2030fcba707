namespace PatternsGen.Analyzers;

/// <summary>
/// Every diagnostic ID, by area: 1xx sagas, 2xx aggregates and events, 3xx handlers and projections,
/// 4xx agent tools, 9xx general. IDs are API: never renumber or reuse one.
/// Each has a page under docs/diagnostics/ and a row in AnalyzerReleases.*.md.
/// </summary>
internal static class DiagnosticIds
{
    public const string StepHasNoCompensation = "PGEN001";
    public const string HandlerNotIdempotent = "PGEN002";

    public const string CompensationNotFound = "PGEN101";
    public const string CompensationWrongShape = "PGEN102";
    public const string DuplicateStepOrder = "PGEN103";
    public const string StepContextMismatch = "PGEN104";
    public const string InvalidStepShape = "PGEN105";
    public const string CompensationAfterPivot = "PGEN106";
    public const string MultiplePivots = "PGEN107";
    public const string InvalidStepPolicy = "PGEN108";
    public const string NothingToUndoWithCompensation = "PGEN109";

    public const string RaisedEventHasNoApply = "PGEN201";
    public const string DuplicateApply = "PGEN202";
    public const string InvalidApplyShape = "PGEN203";
    public const string DuplicateEventName = "PGEN204";
    public const string EventTypeNotSerializable = "PGEN205";
    public const string EventTypeNeedsJsonMetadata = "PGEN206";
    public const string SnapshotStateNotCapturable = "PGEN207";
    public const string AggregateCannotBeCreated = "PGEN208";
    public const string RaisedEventNotRegistered = "PGEN209";

    public const string InvalidHandlerShape = "PGEN301";
    public const string AsyncVoidHandler = "PGEN302";
    public const string UnknownTopic = "PGEN303";
    public const string TopicTypeMismatch = "PGEN304";
    public const string DuplicateHandler = "PGEN305";
    public const string InvalidProjectShape = "PGEN306";
    public const string DuplicateProject = "PGEN307";
    public const string ProjectionProjectsNothing = "PGEN308";

    public const string UnsupportedToolType = "PGEN401";
    public const string ToolHasNoDescription = "PGEN402";
    public const string DuplicateToolName = "PGEN403";
    public const string InvalidToolName = "PGEN404";
    public const string ToolResultNeedsJsonMetadata = "PGEN405";

    public const string TypeMustBePartial = "PGEN900";
}
