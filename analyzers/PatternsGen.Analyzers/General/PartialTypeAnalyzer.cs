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
        // Each type reports only its own declarations, so every diagnostic is local to the symbol
        // being analysed and shows up live in the IDE. A container is a target because generated
        // code re-opens it around its nested type.
        var type = (INamedTypeSymbol)context.Symbol;
        if ((attributes.FindUse(type) ?? NestedUse(type, attributes)) is { } what)
        {
            Report(context, type, what);
        }
    }

    private static string? NestedUse(INamedTypeSymbol type, GeneratingAttributes attributes)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            if (attributes.FindUse(nested) is not null || NestedUse(nested, attributes) is not null)
            {
                return $"the code of its nested type '{nested.Name}'";
            }
        }

        return null;
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
