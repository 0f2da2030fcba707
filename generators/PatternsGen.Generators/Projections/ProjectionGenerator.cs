using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Projections;

/// <summary>
/// Implements <c>IProjection</c> for every <c>[Projection] partial class</c>: its checkpoint name, a type
/// switch over its <c>Project</c> methods, and its <c>ResetAsync</c> for rebuilds.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProjectionGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var projections = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.ProjectionAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, ct) => ProjectionParser.Parse(syntax, ct))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.ProjectionModels);

        context.RegisterSourceOutput(projections, static (output, model) =>
            output.AddSource(model!.Hierarchy.HintName("Projection"), ProjectionEmitter.Emit(model)));
    }
}
