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
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !PartialTypes.CanGenerateInto(type) || !AttributedTypes.IsFirstAttributedDeclaration(context))
        {
            return null;
        }

        var steps = new List<(int Order, IMethodSymbol Method, ITypeSymbol Context, ITypeSymbol? Result, SagaStepSettings Settings)>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            ct.ThrowIfCancellationRequested();
            if (AttributeReader.Find(method, KnownTypes.SagaStepAttribute) is { } attribute
                && SagaStepSettings.Read(attribute) is { Order: { } order } settings
                && SagaSteps.StepProblem(method, out var stepContext, out var result) is null)
            {
                steps.Add((order, method, stepContext!, result, settings));
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
            .Select(s =>
            {
                var compensation = CompensationOf(type, s.Settings, sagaContext, s.Result);
                return new SagaStepModel(
                    s.Method.Name,
                    s.Result is null ? null : TypeRef.From(s.Result),
                    compensation?.Name,
                    s.Settings.IsPivot,
                    s.Settings.HasNothingToUndo,
                    new SagaStepPolicy(s.Settings.Attempts, s.Settings.RetryDelay, s.Settings.Timeout, s.Settings.UndoAttempts),
                    compensation is not null && SagaSteps.IsValueTask(compensation.ReturnType));
            })
            .ToEquatableArray();
        return new SagaModel(HierarchyInfo.From(type), type.Name, TypeRef.From(sagaContext), models, MemberOf(type, IsILogger), MemberOf(type, IsTimeProvider), MemberOf(type, IsSagaLog));
    }

    /// <summary>The compensation method the step names, when it exists with a callable shape (else PGEN101/PGEN102).</summary>
    private static IMethodSymbol? CompensationOf(INamedTypeSymbol saga, SagaStepSettings step, ITypeSymbol context, ITypeSymbol? result)
    {
        if (step.CompensateName is not { Length: > 0 } name)
        {
            return null;
        }

        return saga.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => SagaSteps.CompensationProblem(m, context, result) is null);
    }

    /// <summary>The saga's own instance field or property whose type <paramref name="matches"/>, if it declares one.</summary>
    private static string? MemberOf(INamedTypeSymbol saga, System.Func<ITypeSymbol, bool> matches)
    {
        foreach (var member in saga.GetMembers())
        {
            var type = member switch
            {
                IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
                IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property => property.Type,
                _ => null,
            };
            if (type is not null && matches(type))
            {
                return member.Name;
            }
        }

        return null;
    }

    private static bool IsILogger(ITypeSymbol type) => IsLogger(type) || type.AllInterfaces.Any(IsLogger);

    private static bool IsLogger(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "ILogger", ContainingNamespace: { } ns } && ns.ToDisplayString() == "Microsoft.Extensions.Logging";

    private static bool IsSagaLog(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + KnownTypes.SagaLog;

    private static bool IsTimeProvider(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is INamedTypeSymbol { Name: "TimeProvider", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }
}
