using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Analyzers.Json;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Events;

/// <summary>
/// Event types as the stores see them: every <c>[Event]</c> type and every type an <c>[Aggregate]</c>
/// applies. Reports two types under one name (PGEN204), a type the stores cannot hold or JSON cannot
/// round-trip (PGEN205), and, for Native AOT projects, a type no <c>JsonSerializerContext</c> lists (PGEN206).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventTypeAnalyzer : DiagnosticAnalyzer
{
    private const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DuplicateEventName,
        DiagnosticDescriptors.EventTypeNotSerializable,
        DiagnosticDescriptors.EventTypeNeedsJsonMetadata);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.EventAttribute) is null)
            {
                return; // PatternsGen is not referenced
            }

            var state = new CompilationState(AotJsonMetadata.For(start.Options));
            start.RegisterSymbolAction(c => Collect(c, state), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(c => Report(c, state));
        });
    }

    private static void Collect(SymbolAnalysisContext context, CompilationState state)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (AttributeReader.Has(type, KnownTypes.EventAttribute))
        {
            if (NotStorableReason(type) is { } reason)
            {
                Report(context, type, reason);
            }
            else
            {
                Consider(context, state, type);
            }
        }

        if (AttributeReader.Has(type, KnownTypes.AggregateAttribute))
        {
            foreach (var method in type.GetMembers(ApplyMethods.Name).OfType<IMethodSymbol>())
            {
                if (ApplyMethods.EventTypeOf(method) is INamedTypeSymbol applied && EventTypeNames.IsStorable(applied))
                {
                    Consider(context, state, applied);
                }
            }

            if (SnapshotMethods.StateTypeOf(type) is { } snapshotState)
            {
                state.NeedJson.TryAdd(snapshotState, 0);
            }
        }

        state.Json.Collect(type);
    }

    /// <summary>A storable event type: counted for names and JSON metadata, checked for construction and visible data once.</summary>
    private static void Consider(SymbolAnalysisContext context, CompilationState state, INamedTypeSymbol type)
    {
        if (!state.Events.TryAdd(type, 0))
        {
            return;
        }

        state.NeedJson.TryAdd(type, 0);
        state.Names.GetOrAdd(EventTypeNames.NameOf(type), static _ => new ConcurrentBag<INamedTypeSymbol>()).Add(type);
        if (type.Locations.Any(static l => l.IsInSource) && JsonProblem(type) is { } problem)
        {
            Report(context, type, problem);
        }
    }

    private static string? NotStorableReason(INamedTypeSymbol type)
    {
        if (EventTypeNames.IsStorable(type))
        {
            return null;
        }

        if (type.IsAbstract || type.TypeKind == TypeKind.Interface)
        {
            return "it is abstract or an interface, so no stored event can be of exactly this type; put [Event] on the concrete types";
        }

        if (type.IsGenericType)
        {
            return "it is generic; give each event its own non-generic type";
        }

        if (type.IsStatic || type.IsRefLikeType || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return "it is not a class, record or struct whose values can be stored";
        }

        return "it, or a type it is nested in, is private or protected, so the generated registration cannot name it";
    }

    /// <summary>Why System.Text.Json could not round-trip the type, or null.</summary>
    private static string? JsonProblem(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(static c => !c.IsImplicitlyDeclared || c.Parameters.Length == 0).ToList();
        var constructible = type.IsValueType
            || constructors.Any(static c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length == 0)
            || constructors.Any(static c => AttributeReader.Find(c, JsonConstructorAttribute) is not null)
            || constructors.Count(static c => c.DeclaredAccessibility == Accessibility.Public) == 1;
        if (!constructible)
        {
            return "System.Text.Json cannot construct it; give it a public parameterless constructor or a single public one, or mark one [JsonConstructor]";
        }

        var members = AllInstanceMembers(type).ToList();
        var hasState = members.OfType<IFieldSymbol>().Any();
        var hasPublicData = members.Any(static m => m.DeclaredAccessibility == Accessibility.Public && m switch
        {
            IPropertySymbol p => !p.IsIndexer && p.GetMethod is { DeclaredAccessibility: Accessibility.Public },
            IFieldSymbol f => !f.IsImplicitlyDeclared,
            _ => false,
        });
        return hasState && !hasPublicData
            ? "none of its data is public, so System.Text.Json would store it as '{}'; expose the data as public properties"
            : null;
    }

    private static IEnumerable<ISymbol> AllInstanceMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType }; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!member.IsStatic && member is IFieldSymbol { IsConst: false } or IPropertySymbol)
                {
                    yield return member;
                }
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, INamedTypeSymbol type, string reason)
    {
        foreach (var location in type.Locations.Where(static l => l.IsInSource))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EventTypeNotSerializable, location, type.ToDisplayString(), reason));
        }
    }

    private static void Report(CompilationAnalysisContext context, CompilationState state)
    {
        foreach (var pair in state.Names)
        {
            var types = pair.Value.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
                .OrderBy(static t => t.ToDisplayString(), System.StringComparer.Ordinal)
                .ToList();
            for (var i = 1; i < types.Count; i++)
            {
                if (types[i].Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateEventName, location, pair.Key, types[0].ToDisplayString(), types[i].ToDisplayString()));
                }
            }
        }

        if (!state.Json.IsAot)
        {
            return;
        }

        foreach (var type in state.NeedJson.Keys)
        {
            if (!state.Json.IsListed(type) && type.Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EventTypeNeedsJsonMetadata, location, type.ToDisplayString()));
            }
        }
    }

    private sealed class CompilationState(AotJsonMetadata json)
    {
        public AotJsonMetadata Json { get; } = json;

        public ConcurrentDictionary<ITypeSymbol, byte> Events { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<string, ConcurrentBag<INamedTypeSymbol>> Names { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Storable event types and snapshot state types: each needs JSON metadata under AOT.</summary>
        public ConcurrentDictionary<ITypeSymbol, byte> NeedJson { get; } = new(SymbolEqualityComparer.Default);
    }
}
