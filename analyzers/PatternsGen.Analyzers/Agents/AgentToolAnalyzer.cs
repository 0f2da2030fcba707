using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Analyzers.Json;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Agents;

/// <summary>
/// The mistakes in <c>[AgentTool]</c> methods: a parameter type the generated binder cannot read, or a method it
/// cannot call (PGEN401), no description (PGEN402), two tools of one name in a class (PGEN403), a name model
/// APIs refuse (PGEN404), and, for Native AOT projects, a result type no <c>JsonSerializerContext</c> lists
/// (PGEN405). Reported on the method's name (PGEN401 on the parameter when a parameter is the cause).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AgentToolAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedToolType,
        DiagnosticDescriptors.ToolHasNoDescription,
        DiagnosticDescriptors.DuplicateToolName,
        DiagnosticDescriptors.InvalidToolName,
        DiagnosticDescriptors.ToolResultNeedsJsonMetadata);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.AgentToolAttribute) is null)
            {
                return; // PatternsGen is not referenced
            }

            var json = AotJsonMetadata.For(start.Options);
            var results = new ConcurrentBag<(string Tool, ITypeSymbol Type, Location Location)>();
            start.RegisterSymbolAction(c => Analyze(c, json, results), SymbolKind.NamedType);
            if (json.IsAot)
            {
                start.RegisterCompilationEndAction(c => ReportResults(c, json, results));
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, AotJsonMetadata json, ConcurrentBag<(string, ITypeSymbol, Location)> results)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        json.Collect(type);
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

            if (!AgentToolNames.HasDescription(method, attribute, method.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolHasNoDescription, location, name));
            }

            if (json.IsAot && ResultType(method) is { } result && !AgentToolNames.IsWrittenWithoutMetadata(result))
            {
                results.Add((name, result, location));
            }
        }
    }

    private static void ReportResults(CompilationAnalysisContext context, AotJsonMetadata json, ConcurrentBag<(string Tool, ITypeSymbol Type, Location Location)> results)
    {
        foreach (var (tool, type, location) in results)
        {
            if (!json.IsListed(type))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolResultNeedsJsonMetadata, location, tool, type.ToDisplayString()));
            }
        }
    }

    /// <summary>What the model gets back: the return type, or the <c>T</c> of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>; null for none.</summary>
    private static ITypeSymbol? ResultType(IMethodSymbol method) =>
        method.ReturnsVoid ? null
        : SagaSteps.IsAwaitable(method.ReturnType, out var awaited) ? awaited
        : method.ReturnType;
}
