using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PatternsGen.Generators.Events.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Events;

/// <summary>Symbols → <see cref="EventTypeModel"/>s. Types the stores cannot hold are skipped here and reported by PGEN205.</summary>
internal static class EventTypeParser
{
    /// <summary>The <c>[Event]</c> type itself, when storable.</summary>
    public static EventTypeModel? ParseEvent(GeneratorAttributeSyntaxContext context, CancellationToken ct) =>
        context.TargetSymbol is ITypeSymbol type && EventTypeNames.IsStorable(type)
            ? new EventTypeModel(TypeRef.From(type), EventTypeNames.NameOf(type))
            : null;

    /// <summary>The storable event types an <c>[Aggregate]</c>'s <c>Apply</c> methods take.</summary>
    public static EquatableArray<EventTypeModel> ParseAggregate(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.TargetSymbol is not INamedTypeSymbol aggregate)
        {
            return EquatableArray<EventTypeModel>.Empty;
        }

        var events = new List<EventTypeModel>();
        foreach (var member in aggregate.GetMembers(ApplyMethods.Name))
        {
            ct.ThrowIfCancellationRequested();
            if (member is IMethodSymbol method && ApplyMethods.EventTypeOf(method) is { } type && EventTypeNames.IsStorable(type))
            {
                events.Add(new EventTypeModel(TypeRef.From(type), EventTypeNames.NameOf(type)));
            }
        }

        return events.ToEquatableArray();
    }

    /// <summary>One entry per type, in a stable order so the file does not churn.</summary>
    public static EventRegistryModel Merge(ImmutableArray<EventTypeModel> declared, ImmutableArray<EquatableArray<EventTypeModel>> applied, CancellationToken ct) =>
        new(declared.Concat(applied.SelectMany(static a => a))
            .GroupBy(static e => e.Type.FullyQualifiedName)
            .Select(static g => g.First())
            .OrderBy(static e => e.Type.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToEquatableArray());
}
