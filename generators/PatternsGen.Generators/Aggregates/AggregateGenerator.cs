using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Aggregates;

/// <summary>
/// Generates the members of every <c>[Aggregate] partial class</c>: <c>Version</c>, the
/// <c>ApplyEvent</c> type switch over its <c>Apply(TEvent)</c> methods, <c>Raise</c>,
/// <c>GetUncommittedEvents</c>, <c>MarkCommitted</c> and <c>FromEvents</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AggregateGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var aggregates = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.AggregateAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, ct) => AggregateParser.Parse(syntax, ct))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.AggregateModels);

        context.RegisterSourceOutput(aggregates, static (output, model) =>
            output.AddSource(model!.Hierarchy.HintName("Aggregate"), AggregateEmitter.Emit(model)));
    }
}
