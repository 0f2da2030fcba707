namespace PatternsGen.Roslyn;

/// <summary>
/// Metadata names of the runtime's attributes and types. Generators and analyzers never reference
/// the runtime assembly; they recognise its types by these names only.
/// </summary>
internal static class KnownTypes
{
    public const string AggregateAttribute = "PatternsGen.AggregateAttribute";
    public const string EventAttribute = "PatternsGen.EventAttribute";
    public const string EventHandlerAttribute = "PatternsGen.EventHandlerAttribute";
    public const string ProjectionAttribute = "PatternsGen.ProjectionAttribute";
    public const string IdempotentAttribute = "PatternsGen.IdempotentAttribute";
    public const string SagaAttribute = "PatternsGen.SagaAttribute";
    public const string SagaStepAttribute = "PatternsGen.SagaStepAttribute";
    public const string AgentToolAttribute = "PatternsGen.AgentToolAttribute";
    public const string NonIdempotentAttribute = "PatternsGen.NonIdempotentAttribute";

    public const string UnknownEventException = "PatternsGen.EventSourcing.UnknownEventException";
    public const string SagaExecutionException = "PatternsGen.Sagas.SagaExecutionException";
    public const string SagaLog = "PatternsGen.Sagas.SagaLog";
    public const string EventContext = "PatternsGen.Messaging.EventContext";
    public const string IEventStore = "PatternsGen.EventSourcing.IEventStore";
    public const string IServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
}
