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
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !PartialTypes.CanGenerateInto(type) || !AttributedTypes.IsFirstAttributedDeclaration(context))
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
                applies.Add((eventType, TypeSwitches.SpecificityRank(eventType)));
            }
        }

        // Derived types before their bases (CS8120); see TypeSwitches.SpecificityRank.
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
        if (AttributeReader.NamedInt32(attribute, AttributeArguments.SnapshotEvery) is not ({ } every and > 0)
            || SnapshotMethods.StateTypeOf(type) is not { } state)
        {
            return null;
        }

        return new SnapshotModel(TypeRef.From(state), every, AttributeReader.NamedInt32(attribute, AttributeArguments.SnapshotVersion) ?? AttributeArguments.DefaultSnapshotVersion);
    }

    private static ApplyMatch MatchOf(ITypeSymbol type) => type switch
    {
        { IsValueType: true } => ApplyMatch.ExactStruct,
        { TypeKind: TypeKind.Class, IsSealed: true } => ApplyMatch.ExactClass,
        _ => ApplyMatch.Pattern,
    };
}
