using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.General;

/// <summary>
/// The attributes that make PatternsGen generate into a type, resolved once per compilation.
/// Type-level ones mark the type itself; method-level ones make their containing type a target.
/// </summary>
internal sealed class GeneratingAttributes
{
    private readonly ImmutableArray<(INamedTypeSymbol Attribute, string Generates)> _onType;
    private readonly ImmutableArray<(INamedTypeSymbol Attribute, string Generates)> _onMethod;

    private GeneratingAttributes(
        ImmutableArray<(INamedTypeSymbol, string)> onType, ImmutableArray<(INamedTypeSymbol, string)> onMethod)
    {
        _onType = onType;
        _onMethod = onMethod;
    }

    public bool IsEmpty => _onType.IsEmpty && _onMethod.IsEmpty;

    public static GeneratingAttributes Resolve(Compilation compilation)
    {
        var onType = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        Add(onType, compilation, KnownTypes.AggregateAttribute, "the aggregate members ([Aggregate])");
        Add(onType, compilation, KnownTypes.SagaAttribute, "the saga orchestrator ([Saga])");
        Add(onType, compilation, KnownTypes.ProjectionAttribute, "the projection dispatcher ([Projection])");

        var onMethod = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        Add(onMethod, compilation, KnownTypes.EventHandlerAttribute, "the event handler dispatcher ([EventHandler] on '{0}')");
        Add(onMethod, compilation, KnownTypes.AgentToolAttribute, "the agent tools ([AgentTool] on '{0}')");

        return new GeneratingAttributes(onType.ToImmutable(), onMethod.ToImmutable());
    }

    /// <summary>What PatternsGen would generate into <paramref name="type"/>, or null when nothing.</summary>
    public string? FindUse(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            foreach (var (symbol, generates) in _onType)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbol))
                {
                    return generates;
                }
            }
        }

        if (_onMethod.IsEmpty)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var attribute in method.GetAttributes())
            {
                foreach (var (symbol, generates) in _onMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbol))
                    {
                        return string.Format(generates, method.Name);
                    }
                }
            }
        }

        return null;
    }

    private static void Add(
        ImmutableArray<(INamedTypeSymbol, string)>.Builder list, Compilation compilation, string metadataName, string generates)
    {
        if (compilation.GetTypeByMetadataName(metadataName) is { } symbol)
        {
            list.Add((symbol, generates));
        }
    }
}
