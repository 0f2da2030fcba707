using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.General;

/// <summary>
/// PGEN900: a type that PatternsGen generates into (it, or one of its methods, carries [Saga],
/// [Aggregate], [Projection], [EventHandler] or [AgentTool]) must be partial, and so must every type
/// containing it. Reported on each non-partial declaration's name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PartialTypeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TypeMustBePartial);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = GeneratingAttributes.Resolve(start.Compilation);
            if (attributes.IsEmpty)
            {
                return; // PatternsGen is not referenced: nothing to check.
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, attributes), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, GeneratingAttributes attributes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (attributes.FindUse(type) is not { } use)
        {
            return;
        }

        Report(context, type, use);

        // Generated code re-opens every containing type, so each must be partial too.
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            Report(context, container, $"the code of its nested type '{type.Name}'");
        }
    }

    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string what)
    {
        foreach (var declaration in PartialTypes.NonPartialDeclarations(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TypeMustBePartial, declaration.Identifier.GetLocation(), type.Name, what));
        }
    }
}
