using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Events;

/// <summary>
/// Generates one module initializer per assembly that registers every event type the stores must know:
/// each <c>[Event]</c> type and each type an <c>[Aggregate]</c> applies.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EventTypesGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declared = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.EventAttribute,
                static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                EventTypeParser.ParseEvent)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.DeclaredEventTypes);

        var applied = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.AggregateAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                EventTypeParser.ParseAggregate)
            .WithTrackingName(TrackingNames.AppliedEventTypes);

        var registry = declared.Collect()
            .Combine(applied.Collect())
            .Select(static (pair, ct) => EventTypeParser.Merge(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.EventRegistry);

        context.RegisterSourceOutput(registry, static (output, model) =>
        {
            if (model.EventTypes.Count > 0)
            {
                output.AddSource(EventTypesEmitter.HintName, EventTypesEmitter.Emit(model));
            }
        });
    }
}
