using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas;

/// <summary>Generates <c>ExecuteAsync</c> for every <c>[Saga] partial class</c> from its <c>[SagaStep]</c> methods.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class SagaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var sagas = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.SagaAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, ct) => SagaParser.Parse(syntax, ct))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.SagaModels);

        context.RegisterSourceOutput(sagas, static (output, model) =>
            output.AddSource(model!.Hierarchy.HintName("Saga"), SagaEmitter.Emit(model)));
    }
}
