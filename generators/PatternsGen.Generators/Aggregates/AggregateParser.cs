using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Aggregates.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Aggregates;

/// <summary>Symbols → <see cref="AggregateModel"/>. Nothing Roslyn-typed leaves this class.</summary>
internal static class AggregateParser
{
    /// <summary>
    /// The aggregate's model, or <see langword="null"/> when nothing can be generated (not a class,
    /// or not partial: PGEN900 tells the user). <c>Apply</c> methods of a shape the switch cannot
    /// call are left out here and reported by the analyzers.
    /// </summary>
    public static AggregateModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !PartialTypes.CanGenerateInto(type))
        {
            return null;
        }

        ct.ThrowIfCancellationRequested();
        var applies = new List<(ITypeSymbol EventType, int Rank)>();
        foreach (var member in type.GetMembers("Apply"))
        {
            if (member is IMethodSymbol method && TryGetEventType(method) is { } eventType
                && !applies.Any(existing => SymbolEqualityComparer.Default.Equals(existing.EventType, eventType)))
            {
                applies.Add((eventType, SpecificityRank(eventType)));
            }
        }

        // A switch case may not follow a case that subsumes it (CS8120): test derived types before
        // their bases. A subtype always has strictly more ancestors than its base, so sorting by
        // ancestor count, stable on declaration order, puts every type before its bases.
        var ordered = applies
            .Select((apply, index) => (apply.EventType, apply.Rank, index))
            .OrderByDescending(static apply => apply.Rank)
            .ThenBy(static apply => apply.index)
            .Select(static apply => new ApplyMethodModel(TypeRef.From(apply.EventType)))
            .ToEquatableArray();

        var canCreate = !type.IsAbstract && type.InstanceConstructors.Any(static c => c.Parameters.Length == 0);
        return new AggregateModel(HierarchyInfo.From(type), ordered, canCreate);
    }

    /// <summary>The event type of a callable <c>void Apply(TEvent)</c>, or null for any other shape.</summary>
    private static ITypeSymbol? TryGetEventType(IMethodSymbol method)
    {
        if (method.IsStatic || method.IsGenericMethod || !method.ReturnsVoid || method.Parameters.Length != 1)
        {
            return null;
        }

        var parameter = method.Parameters[0];
        var type = parameter.Type;
        if (parameter.RefKind != RefKind.None || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer
            or TypeKind.FunctionPointer or TypeKind.Dynamic || type.IsRefLikeType)
        {
            return null;
        }

        // Apply(S? e) on a struct event receives the boxed S: the switch matches the underlying type.
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
    }

    private static int SpecificityRank(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object)
        {
            return -1; // matches everything, so it must come last, after interfaces too
        }

        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth + type.AllInterfaces.Length;
    }
}
