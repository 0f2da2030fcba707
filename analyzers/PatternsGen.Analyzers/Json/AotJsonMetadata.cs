using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Json;

/// <summary>
/// Which types the project's <c>JsonSerializerContext</c>s list, and whether it is built for Native AOT
/// (<c>PublishAot</c> or <c>IsAotCompatible</c>, made visible to analyzers by the package's props): the
/// bookkeeping of every "needs source-generated JSON metadata" diagnostic (PGEN206, PGEN405).
/// </summary>
internal sealed class AotJsonMetadata
{
    private const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    private const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    private readonly ConcurrentDictionary<ITypeSymbol, byte> _listed = new(SymbolEqualityComparer.Default);

    private AotJsonMetadata(bool isAot) => IsAot = isAot;

    /// <summary>Reflection-based JSON is off where this project runs: types need listing.</summary>
    public bool IsAot { get; }

    public static AotJsonMetadata For(AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return new AotJsonMetadata(IsTrue(global, "build_property.PublishAot") || IsTrue(global, "build_property.IsAotCompatible"));

        static bool IsTrue(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Records the types <paramref name="type"/> lists, if it is a JSON context. Call from a symbol action.</summary>
    public void Collect(INamedTypeSymbol type)
    {
        if (!IsAot || !IsJsonContext(type))
        {
            return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (AttributeReader.Is(attribute.AttributeClass, JsonSerializableAttribute)
                && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is ITypeSymbol listed)
            {
                _listed.TryAdd(listed, 0);
            }
        }
    }

    /// <summary>A context lists <paramref name="type"/>. Ask only at compilation end, once every context is collected.</summary>
    public bool IsListed(ITypeSymbol type) => _listed.ContainsKey(type);

    private static bool IsJsonContext(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (AttributeReader.Is(current, JsonSerializerContext))
            {
                return true;
            }
        }

        return false;
    }
}
