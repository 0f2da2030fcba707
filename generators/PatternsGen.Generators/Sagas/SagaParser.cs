using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Sagas.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas;

/// <summary>Symbols → <see cref="SagaModel"/>. Nothing Roslyn-typed leaves this class.</summary>
internal static class SagaParser
{
    /// <summary>
    /// The saga's model, or null when nothing can be generated: not partial (PGEN900), no valid step,
    /// steps of different context types, or two steps with one order (the analyzers say which). Steps of
    /// the wrong shape are left out, and so is a compensation of the wrong shape; both are reported by
    /// the analyzers.
    /// </summary>
    public static SagaModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !PartialTypes.CanGenerateInto(type))
        {
            return null;
        }

        var steps = new List<(int Order, IMethodSymbol Method, ITypeSymbol Context, ITypeSymbol? Result, AttributeData Attribute)>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            ct.ThrowIfCancellationRequested();
            if (AttributeReader.Find(method, KnownTypes.SagaStepAttribute) is { } attribute
                && AttributeReader.ConstructorInt32(attribute, 0) is { } order
                && SagaSteps.StepProblem(method, out var stepContext, out var result) is null)
            {
                steps.Add((order, method, stepContext!, result, attribute));
            }
        }

        if (steps.Count == 0
            || steps.Select(static s => s.Context).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).Count() != 1
            || steps.Select(static s => s.Order).Distinct().Count() != steps.Count)
        {
            return null;
        }

        var sagaContext = steps[0].Context;
        var models = steps
            .OrderBy(static s => s.Order)
            .Select(s => new SagaStepModel(
                s.Method.Name,
                s.Result is null ? null : TypeRef.From(s.Result),
                CompensationOf(type, s.Attribute, sagaContext, s.Result),
                AttributeReader.NamedBoolean(s.Attribute, "Pivot") ?? false))
            .ToEquatableArray();
        return new SagaModel(HierarchyInfo.From(type), type.Name, TypeRef.From(sagaContext), models, LoggerOf(type));
    }

    /// <summary>The saga's own <c>ILogger</c> field or property (ILogger or ILogger&lt;T&gt;), if it declares one.</summary>
    private static string? LoggerOf(INamedTypeSymbol saga)
    {
        foreach (var member in saga.GetMembers())
        {
            var type = member switch
            {
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
                IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property => property.Type,
                _ => null,
            };
            if (type is not null && (IsILogger(type) || type.AllInterfaces.Any(IsILogger)))
            {
                return member.Name;
            }
        }

        return null;

        static bool IsILogger(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "ILogger", ContainingNamespace: { } ns } && ns.ToDisplayString() == "Microsoft.Extensions.Logging";
    }

    private static string? CompensationOf(INamedTypeSymbol saga, AttributeData step, ITypeSymbol context, ITypeSymbol? result)
    {
        if (AttributeReader.NamedString(step, "Compensate") is not { Length: > 0 } name)
        {
            return null;
        }

        return saga.GetMembers(name).OfType<IMethodSymbol>().Any(m => SagaSteps.CompensationProblem(m, context, result) is null) ? name : null;
    }
}
