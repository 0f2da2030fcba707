using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Agents;

/// <summary>
/// The mistakes in <c>[AgentTool]</c> methods: a parameter type the generated binder cannot read, or a method it
/// cannot call (PGEN401), no description (PGEN402), two tools of one name in a class (PGEN403), and a name model
/// APIs refuse (PGEN404). Reported on the method's name (PGEN401 on the parameter when a parameter is the cause).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AgentToolAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedToolType,
        DiagnosticDescriptors.ToolHasNoDescription,
        DiagnosticDescriptors.DuplicateToolName,
        DiagnosticDescriptors.InvalidToolName);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.AgentToolAttribute) is not null)
            {
                start.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var names = new Dictionary<string, IMethodSymbol>(System.StringComparer.Ordinal);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeReader.Find(method, KnownTypes.AgentToolAttribute) is not { } attribute
                || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                continue;
            }

            var name = AgentToolNames.NameOf(method, attribute);
            if (!AgentToolNames.IsValid(name))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidToolName, location, name));
            }
            else if (names.TryGetValue(name, out var first))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateToolName, location, name, first.Name));
            }
            else
            {
                names.Add(name, method);
            }

            if (AgentToolNames.MethodProblem(method) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedToolType, location, name, problem));
            }

            foreach (var parameter in method.Parameters)
            {
                if (!AgentToolTypes.IsInjected(parameter.Type) && AgentToolTypes.Classify(parameter.Type, out var why) is null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnsupportedToolType, parameter.Locations.FirstOrDefault() ?? location, name,
                        $"parameter '{parameter.Name}' is of type '{parameter.Type.ToDisplayString()}', which tools cannot take ({why})"));
                }
            }

            if (AgentToolNames.DescriptionOf(method, attribute) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolHasNoDescription, location, name));
            }
        }
    }
}
