namespace PatternsGen.Generators;

/// <summary>
/// Names of the tracked incremental steps. Tests run each generator twice and require every
/// named step to be Cached or Unchanged, so an uncacheable model fails a test instead of an IDE.
/// </summary>
public static class TrackingNames
{
    public const string AggregateModels = nameof(AggregateModels);
    public const string DeclaredEventTypes = nameof(DeclaredEventTypes);
    public const string AppliedEventTypes = nameof(AppliedEventTypes);
    public const string EventRegistry = nameof(EventRegistry);
    public const string SagaModels = nameof(SagaModels);
    public const string EventHandlerModels = nameof(EventHandlerModels);
    public const string EventHandlerRegistry = nameof(EventHandlerRegistry);
    public const string ProjectionModels = nameof(ProjectionModels);
    public const string AgentToolModels = nameof(AgentToolModels);
    public const string AgentToolRegistry = nameof(AgentToolRegistry);
}
