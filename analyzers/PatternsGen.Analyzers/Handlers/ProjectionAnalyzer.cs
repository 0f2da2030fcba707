using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Handlers;

/// <summary>
/// The mistakes in a <c>[Projection]</c> class: a <c>Project</c> method the switch cannot call (PGEN306), two
/// for one event type (PGEN307), and none at all (PGEN308). Reported on the method's name, or the class's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProjectionAnalyzer : DiagnosticAnalyzer
{
    private const string ProjectMethod = "Project";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidProjectShape,
        DiagnosticDescriptors.DuplicateProject,
        DiagnosticDescriptors.ProjectionProjectsNothing);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.ProjectionAttribute) is not null)
            {
                start.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!AttributeReader.Has(type, KnownTypes.ProjectionAttribute))
        {
            return;
        }

        var callable = new List<ITypeSymbol>();
        foreach (var method in type.GetMembers(ProjectMethod).OfType<IMethodSymbol>())
        {
            if (method.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            if (HandlerMethods.ProjectionShapeProblem(method, out var eventType, out _, out _) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidProjectShape, location, type.Name, problem));
            }
            else if (callable.Any(t => SymbolEqualityComparer.Default.Equals(t, eventType)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateProject, location, type.Name, eventType!.ToDisplayString()));
            }
            else
            {
                callable.Add(eventType!);
            }
        }

        if (callable.Count == 0 && type.Locations.FirstOrDefault() is { IsInSource: true } typeLocation)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProjectionProjectsNothing, typeLocation, type.Name));
        }
    }
}
