using Microsoft.CodeAnalysis;

namespace PatternsGen.Analyzers;

/// <summary>The one place descriptors are created; each links to its page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    internal const string HelpLinkBase = "https://github.com/patternsgen/PatternsGen/blob/main/docs/diagnostics/";

    private const string Usage = "PatternsGen.Usage";
    private const string EventSourcing = "PatternsGen.EventSourcing";

    private const string Sagas = "PatternsGen.Sagas";

    private const string Messaging = "PatternsGen.Messaging";

    public static readonly DiagnosticDescriptor HandlerNotIdempotent = Create(
        DiagnosticIds.HandlerNotIdempotent,
        "Event handler is not safe to run twice",
        "Handler '{0}' is not safe to run twice: it {1}{2}; a redelivered message would do it again",
        Messaging,
        DiagnosticSeverity.Warning,
        "Delivery is at least once: after a retry or a crash a handler can see the same message again. A handler that " +
        "counts, adds to a collection, publishes, appends with ExpectedVersion.Any or calls a [NonIdempotent] method does " +
        "that twice. Set UseInbox = true on [EventHandler] to have redeliveries skipped by message id, or mark the handler " +
        "[Idempotent] if repeating it is harmless. The additional locations are the operations found.");

    public static readonly DiagnosticDescriptor InvalidHandlerShape = Create(
        DiagnosticIds.InvalidHandlerShape,
        "Event handler has the wrong signature",
        "Event handler '{0}' cannot be called by the bus: {1}",
        Messaging,
        DiagnosticSeverity.Error,
        "A handler is an instance method returning void, Task or ValueTask and taking (TEvent), (TEvent, CancellationToken) " +
        "or (TEvent, EventContext, CancellationToken). It is left out of the generated dispatcher until it is.");

    public static readonly DiagnosticDescriptor AsyncVoidHandler = Create(
        DiagnosticIds.AsyncVoidHandler,
        "Event handler is async void",
        "Event handler '{0}' is 'async void': the bus cannot await it, retry it or see it fail; return Task instead",
        Messaging,
        DiagnosticSeverity.Error,
        "An async void method returns at its first await, and an exception it throws afterwards takes the process down. " +
        "Return Task or ValueTask; the generated dispatcher then awaits the handler and retries or dead-letters its failures.");

    public static readonly DiagnosticDescriptor UnknownTopic = Create(
        DiagnosticIds.UnknownTopic,
        "Topic matches no event name",
        "Event handler '{0}' subscribes to topic '{1}', which no [Event] type of this project is named; it will never be called",
        Messaging,
        DiagnosticSeverity.Warning,
        "A topic is an event name as given by [Event(\"...\")] (or a type's name when it has none). A topic no event has " +
        "is usually a typo. When the event lives in another assembly, take its type as the handler's parameter.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor TopicTypeMismatch = Create(
        DiagnosticIds.TopicTypeMismatch,
        "Topic delivers a different event type",
        "Event handler '{0}' subscribes to topic '{1}', but its parameter type '{2}' is the event named '{3}'; every delivery would fail its cast",
        Messaging,
        DiagnosticSeverity.Error,
        "The events published under a topic are of the type named that way. Take that type (or object, or a type it " +
        "derives from) as the parameter, or subscribe to the parameter's own name.");

    public static readonly DiagnosticDescriptor DuplicateHandler = Create(
        DiagnosticIds.DuplicateHandler,
        "Two handlers in one class for the same event",
        "Event handler '{0}' handles {1}, like handler '{2}' of the same class; merge them into one",
        Messaging,
        DiagnosticSeverity.Error,
        "Each message reaches a class's handlers independently, with their own retries and inbox entries; two handlers " +
        "of one class for one event split what is one piece of work, and their order is not defined.");

    public static readonly DiagnosticDescriptor StepHasNoCompensation = Create(
        DiagnosticIds.StepHasNoCompensation,
        "Saga step has no compensation",
        "Saga step '{0}' has no compensation and is not the pivot: if a later step fails, its effect cannot be undone",
        Sagas,
        DiagnosticSeverity.Warning,
        "A step before the pivot is undone by its compensation when a later step fails. Name one with " +
        "Compensate = nameof(...) (the code fix writes a stub of the right signature), declare NothingToUndo = true " +
        "if the step only reads, or mark the step Pivot = true if it is the point of no return. Steps after the pivot " +
        "are retried, not compensated, and are not reported.");

    public static readonly DiagnosticDescriptor CompensationNotFound = Create(
        DiagnosticIds.CompensationNotFound,
        "Compensation method not found",
        "Saga step '{0}' names compensation '{1}', but '{2}' has no method of that name",
        Sagas,
        DiagnosticSeverity.Error,
        "Compensate must name a method of the saga class; use nameof(...) so renames follow.");

    public static readonly DiagnosticDescriptor CompensationWrongShape = Create(
        DiagnosticIds.CompensationWrongShape,
        "Compensation method has the wrong signature",
        "Compensation '{0}' of saga step '{1}' cannot be called: {2}",
        Sagas,
        DiagnosticSeverity.Error,
        "A compensation returns Task or ValueTask and takes the saga's context, the step's result (when the step " +
        "returns one) and a CancellationToken.");

    public static readonly DiagnosticDescriptor DuplicateStepOrder = Create(
        DiagnosticIds.DuplicateStepOrder,
        "Two saga steps share an order",
        "Saga step '{0}' has order {1}, like step '{2}'; the order of the saga's steps would be ambiguous",
        Sagas,
        DiagnosticSeverity.Error,
        "Each step's order must be unique; ExecuteAsync is not generated until it is.");

    public static readonly DiagnosticDescriptor StepContextMismatch = Create(
        DiagnosticIds.StepContextMismatch,
        "Saga steps take different context types",
        "Saga step '{0}' takes context '{1}', but the saga's first step takes '{2}'",
        Sagas,
        DiagnosticSeverity.Error,
        "Every step of a saga receives the same context object, so all steps take the same context type; " +
        "ExecuteAsync is not generated until they do.");

    public static readonly DiagnosticDescriptor InvalidStepShape = Create(
        DiagnosticIds.InvalidStepShape,
        "Saga step has the wrong signature",
        "Saga step '{0}' cannot be run: {1}",
        Sagas,
        DiagnosticSeverity.Error,
        "A step is a non-generic instance method returning Task, Task<R>, ValueTask or ValueTask<R> and taking " +
        "(TContext context, CancellationToken ct). It is left out of ExecuteAsync until it does.");

    public static readonly DiagnosticDescriptor CompensationAfterPivot = Create(
        DiagnosticIds.CompensationAfterPivot,
        "Compensation on a step after the pivot",
        "Saga step '{0}' comes after the pivot '{1}', so its compensation '{2}' never runs",
        Sagas,
        DiagnosticSeverity.Warning,
        "Once the pivot has succeeded a saga only goes forward: failures after it are not compensated.");

    public static readonly DiagnosticDescriptor MultiplePivots = Create(
        DiagnosticIds.MultiplePivots,
        "More than one pivot",
        "Saga step '{0}' is a pivot, but '{1}' already is; a saga has one point of no return",
        Sagas,
        DiagnosticSeverity.Error,
        "Mark only the step after which the saga can no longer be undone as Pivot = true.");

    public static readonly DiagnosticDescriptor InvalidStepPolicy = Create(
        DiagnosticIds.InvalidStepPolicy,
        "Saga step retry or timeout setting out of range",
        "Saga step '{0}' sets {1} = {2}; it must be {3}",
        Sagas,
        DiagnosticSeverity.Error,
        "MaxAttempts and CompensationAttempts are at least 1 (1 means no retry); RetryDelayMilliseconds and " +
        "TimeoutMilliseconds are 0 or more (a timeout of 0 means none). Out of range, the step's pipeline would throw " +
        "the first time the saga runs.");

    public static readonly DiagnosticDescriptor NothingToUndoWithCompensation = Create(
        DiagnosticIds.NothingToUndoWithCompensation,
        "Saga step has nothing to undo but names a compensation",
        "Saga step '{0}' declares NothingToUndo but also names compensation '{1}': one of the two is wrong",
        Sagas,
        DiagnosticSeverity.Warning,
        "A step that changes nothing has nothing to compensate, and a step with a compensation changes something. " +
        "Remove NothingToUndo if the step has an effect (its compensation still runs meanwhile), or remove Compensate " +
        "if it only reads.");

    public static readonly DiagnosticDescriptor RaisedEventHasNoApply = Create(
        DiagnosticIds.RaisedEventHasNoApply,
        "Raised event has no Apply method",
        "Aggregate '{0}' raises '{1}' but has no Apply method that accepts it; Raise will throw UnknownEventException",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "Raise applies the event before recording it, through the generated apply-switch. An event type no Apply " +
        "method accepts makes Raise throw at run time. Add 'void Apply(TEvent e)' (the code fix adds a stub).");

    public static readonly DiagnosticDescriptor DuplicateApply = Create(
        DiagnosticIds.DuplicateApply,
        "Two Apply methods for one event type",
        "Aggregate '{0}' already has an Apply method for '{1}'; the apply-switch can call only one",
        EventSourcing,
        DiagnosticSeverity.Error,
        "Each event type may have one Apply method. Apply(S) and Apply(S?) of a struct event count as the same type, " +
        "because the switch sees the boxed value.");

    public static readonly DiagnosticDescriptor InvalidApplyShape = Create(
        DiagnosticIds.InvalidApplyShape,
        "Apply method has the wrong shape",
        "Apply method '{0}' is not part of the apply-switch: {1}",
        EventSourcing,
        DiagnosticSeverity.Error,
        "The apply-switch calls instance methods 'void Apply(TEvent e)' with one by-value parameter whose type a type " +
        "pattern can match. Rename helper methods that are not event handlers.");

    public static readonly DiagnosticDescriptor DuplicateEventName = Create(
        DiagnosticIds.DuplicateEventName,
        "Two event types share a name",
        "Event name '{0}' is used by both '{1}' and '{2}'; stores could not tell them apart",
        EventSourcing,
        DiagnosticSeverity.Error,
        "Stores keep each event under its name ([Event(\"name\")], else the type's name). Two types with one name " +
        "would read back as the same type. Give one of them another name with [Event(\"...\")].",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor EventTypeNotSerializable = Create(
        DiagnosticIds.EventTypeNotSerializable,
        "Event type cannot be stored",
        "Event type '{0}' cannot be stored: {1}",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "Stores register event types from generated code and write them as JSON with System.Text.Json. An event type " +
        "must be a concrete, non-generic class, record or struct visible within its assembly, that System.Text.Json " +
        "can construct and whose data it can see.");

    public static readonly DiagnosticDescriptor EventTypeNeedsJsonMetadata = Create(
        DiagnosticIds.EventTypeNeedsJsonMetadata,
        "Event type needs source-generated JSON metadata under Native AOT",
        "'{0}' is stored as JSON but no JsonSerializerContext in this project lists it; under Native AOT the store cannot serialize it",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "With PublishAot or IsAotCompatible set, reflection-based JSON is unavailable. Add [JsonSerializable(typeof(T))] " +
        "to a JsonSerializerContext and pass its options to the store (EventStoreOptions.JsonOptions).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SnapshotStateNotCapturable = Create(
        DiagnosticIds.SnapshotStateNotCapturable,
        "SnapshotEvery is set but the state cannot be captured",
        "Aggregate '{0}' sets SnapshotEvery but {1}; no snapshots will be taken",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "Snapshots capture state through two methods the aggregate declares: 'TState CreateSnapshot()' and " +
        "'void RestoreSnapshot(TState state)', with the same TState. SnapshotEvery must be positive.");

    public static readonly DiagnosticDescriptor AggregateCannotBeCreated = Create(
        DiagnosticIds.AggregateCannotBeCreated,
        "Aggregate cannot be created to replay events",
        "Aggregate '{0}' {1}, so FromEvents and LoadAsync are not generated",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "Replaying events starts from a new instance. Give the aggregate a parameterless constructor (it may be private) " +
        "and do not make it abstract.");

    public static readonly DiagnosticDescriptor TypeMustBePartial = Create(
        DiagnosticIds.TypeMustBePartial,
        "Type must be partial for PatternsGen to generate into it",
        "Type '{0}' must be declared partial so that PatternsGen can generate {1} into it",
        Usage,
        DiagnosticSeverity.Error,
        "PatternsGen adds members to types that use its attributes ([Saga], [Aggregate], [Projection], " +
        "[EventHandler], [AgentTool]) through partial declarations. The type, and every type containing it, " +
        "must be declared with the 'partial' modifier.");

    public static readonly DiagnosticDescriptor RaisedEventNotRegistered = Create(
        DiagnosticIds.RaisedEventNotRegistered,
        "Raised event type is not known to the stores",
        "Aggregate '{0}' raises '{1}', which reaches Apply only through a base type or interface and has no [Event]; saving it will fail",
        EventSourcing,
        DiagnosticSeverity.Warning,
        "Stores know the [Event] types and the types an aggregate's Apply methods take by name. An event applied " +
        "through Apply(IOrderEvent) or Apply(OrderEvent) is neither, so SaveAsync would throw EventSerializationException. " +
        "Mark the event type [Event] (with a name) or give it its own Apply.");

    public static readonly DiagnosticDescriptor InvalidProjectShape = Create(
        DiagnosticIds.InvalidProjectShape,
        "Project method has the wrong signature",
        "Projection '{0}' cannot call this Project method: {1}",
        Messaging,
        DiagnosticSeverity.Error,
        "A projection's Project methods are instance methods returning void, Task or ValueTask and taking (TEvent), " +
        "(TEvent, CancellationToken) or (TEvent, RecordedEvent, CancellationToken). Others are left out of the generated switch.");

    public static readonly DiagnosticDescriptor DuplicateProject = Create(
        DiagnosticIds.DuplicateProject,
        "Two Project methods for one event type",
        "Projection '{0}' has two Project methods for '{1}'; only the first is called",
        Messaging,
        DiagnosticSeverity.Error,
        "The generated switch has one case per event type. Merge the two methods.");

    public static readonly DiagnosticDescriptor ProjectionProjectsNothing = Create(
        DiagnosticIds.ProjectionProjectsNothing,
        "Projection has no Project method",
        "Projection '{0}' has no Project method it can call, so it would pass over every event",
        Messaging,
        DiagnosticSeverity.Warning,
        "A [Projection] class takes events through methods named Project. Add one per event type the read model needs.");

    private const string Agents = "PatternsGen.Agents";

    public static readonly DiagnosticDescriptor UnsupportedToolType = Create(
        DiagnosticIds.UnsupportedToolType,
        "Agent tool cannot take or be this",
        "Agent tool '{0}' cannot be generated: {1}",
        Agents,
        DiagnosticSeverity.Error,
        "Tool parameters are bound from JSON by generated code: strings, booleans, integers (int, long), numbers (float, " +
        "double, decimal), enums, Guid, DateTime, DateTimeOffset, Uri, their nullable forms, arrays or lists of them, and records, " +
        "classes or structs made of them; " +
        "CancellationToken and IServiceProvider are passed in. A tool is an instance method, not generic, not async void.");

    public static readonly DiagnosticDescriptor ToolHasNoDescription = Create(
        DiagnosticIds.ToolHasNoDescription,
        "Agent tool has no description",
        "Agent tool '{0}' has no description; the model chooses tools by their descriptions",
        Agents,
        DiagnosticSeverity.Warning,
        "Give the tool a description: [AgentTool(Description = \"...\")], [Description(\"...\")] or an XML <summary>.");

    public static readonly DiagnosticDescriptor DuplicateToolName = Create(
        DiagnosticIds.DuplicateToolName,
        "Two agent tools share a name",
        "Agent tool name '{0}' is used by '{1}' too; the model could not tell them apart",
        Agents,
        DiagnosticSeverity.Error,
        "Tool names are unique within a class (and must be within an agent): name one of them explicitly with [AgentTool(\"name\")].");

    public static readonly DiagnosticDescriptor InvalidToolName = Create(
        DiagnosticIds.InvalidToolName,
        "Agent tool name is not valid",
        "Agent tool name '{0}' is not valid: use 1 to 64 letters, digits, '_' or '-'",
        Agents,
        DiagnosticSeverity.Error,
        "Model APIs accept tool names matching ^[a-zA-Z0-9_-]{1,64}$; others are refused when the tools are sent.");

    public static readonly DiagnosticDescriptor ToolResultNeedsJsonMetadata = Create(
        DiagnosticIds.ToolResultNeedsJsonMetadata,
        "Agent tool result needs source-generated JSON metadata under Native AOT",
        "Agent tool '{0}' returns '{1}', which no JsonSerializerContext in this project lists; under Native AOT its result cannot be written",
        Agents,
        DiagnosticSeverity.Warning,
        "With PublishAot or IsAotCompatible set, reflection-based JSON is unavailable. Strings, booleans, numbers, Guid, dates and Uri " +
        "need nothing; for other result types add [JsonSerializable(typeof(T))] to a JsonSerializerContext and pass its options " +
        "to GetAgentTools (AgentToolOptions.JsonOptions).",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", customTags);
}
