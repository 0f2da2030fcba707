using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Projections.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Projections;

/// <summary>Symbols → <see cref="ProjectionModel"/>. Nothing Roslyn-typed leaves this class.</summary>
internal static class ProjectionParser
{
    public const string ProjectMethod = "Project";
    public const string ResetMethod = "ResetAsync";

    /// <summary>
    /// The projection's model, or null when nothing can be generated (not partial: PGEN900; generic).
    /// <c>Project</c> methods of the wrong shape, and a second one for an event type, are left out (PGEN306, PGEN307).
    /// </summary>
    public static ProjectionModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsGenericType: false } type || !PartialTypes.CanGenerateInto(type) || !AttributedTypes.IsFirstAttributedDeclaration(context))
        {
            return null;
        }

        var methods = new List<(ITypeSymbol EventType, int Rank, ProjectionMethodModel Model)>();
        foreach (var method in type.GetMembers(ProjectMethod).OfType<IMethodSymbol>())
        {
            ct.ThrowIfCancellationRequested();
            if (HandlerMethods.ProjectionShapeProblem(method, out var eventType, out var parameters, out var returns) is null
                && !methods.Any(m => SymbolEqualityComparer.Default.Equals(m.EventType, eventType)))
            {
                methods.Add((eventType!, TypeSwitches.SpecificityRank(eventType!), new ProjectionMethodModel(TypeRef.From(eventType!), parameters, returns)));
            }
        }

        var ordered = methods
            .Select((m, index) => (m.Rank, index, m.Model))
            .OrderByDescending(static m => m.Rank)
            .ThenBy(static m => m.index)
            .Select(static m => m.Model)
            .ToEquatableArray();
        var name = AttributeReader.NamedString(context.Attributes[0], AttributeArguments.Name) is { Length: > 0 } given
            ? given
            : TypeRef.From(type).FullyQualifiedName.Substring("global::".Length);
        return new ProjectionModel(HierarchyInfo.From(type), name, ordered, ResetOf(type));
    }

    /// <summary>What its <c>ResetAsync(CancellationToken)</c> returns (Task or ValueTask), or null when it has none of that shape.</summary>
    public static HandlerReturn? ResetOf(INamedTypeSymbol type)
    {
        foreach (var method in type.GetMembers(ResetMethod).OfType<IMethodSymbol>())
        {
            if (!method.IsStatic && !method.IsGenericMethod && method.Parameters.Length == 1
                && SagaSteps.IsCancellationToken(method.Parameters[0].Type)
                && SagaSteps.IsAwaitable(method.ReturnType, out var result) && result is null)
            {
                return method.ReturnType.Name == "ValueTask" ? HandlerReturn.ValueTask : HandlerReturn.Task;
            }
        }

        return null;
    }
}
