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
        foreach (var member in type.GetMembers(ApplyMethods.Name))
        {
            if (member is IMethodSymbol method && ApplyMethods.EventTypeOf(method) is { } eventType
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
            .Select(static apply => new ApplyMethodModel(TypeRef.From(apply.EventType), MatchOf(apply.EventType)))
            .ToEquatableArray();

        var canCreate = !type.IsAbstract && type.InstanceConstructors.Any(static c => c.Parameters.Length == 0);
        return new AggregateModel(HierarchyInfo.From(type), ordered, canCreate, ParseSnapshot(context.Attributes[0], type));
    }

    /// <summary>The snapshot settings, when <c>SnapshotEvery</c> is positive and the state can be captured (else PGEN207 says why).</summary>
    private static SnapshotModel? ParseSnapshot(AttributeData attribute, INamedTypeSymbol type)
    {
        if (AttributeReader.NamedInt32(attribute, "SnapshotEvery") is not ({ } every and > 0)
            || SnapshotMethods.StateTypeOf(type) is not { } state)
        {
            return null;
        }

        return new SnapshotModel(TypeRef.From(state), every, AttributeReader.NamedInt32(attribute, "SnapshotVersion") ?? 1);
    }

    private static ApplyMatch MatchOf(ITypeSymbol type) => type switch
    {
        { IsValueType: true } => ApplyMatch.ExactStruct,
        { TypeKind: TypeKind.Class, IsSealed: true } => ApplyMatch.ExactClass,
        _ => ApplyMatch.Pattern,
    };

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
