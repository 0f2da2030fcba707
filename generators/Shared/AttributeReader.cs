using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// Reads attribute arguments the way every generator and analyzer here must: tolerantly. While the
/// user types, an argument can be missing, of the wrong type or an error constant; the readers then
/// answer <see langword="null"/> instead of throwing, and the analyzers say what is wrong.
/// </summary>
internal static class AttributeReader
{
    public static AttributeData? Find(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool Has(ISymbol symbol, string metadataName) => Find(symbol, metadataName) is not null;

    /// <summary>True when <paramref name="type"/> is the type named <paramref name="metadataName"/> (by name, not by assembly).</summary>
    public static bool Is(INamedTypeSymbol? type, string metadataName)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        var dot = metadataName.LastIndexOf('.');
        var name = dot < 0 ? metadataName : metadataName.Substring(dot + 1);
        if (type.MetadataName != name || type.ContainingType is not null)
        {
            return false;
        }

        var ns = dot < 0 ? string.Empty : metadataName.Substring(0, dot);
        return type.ContainingNamespace.ToDisplayString() == ns;
    }

    public static string? ConstructorString(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: string value }
            ? value
            : null;

    public static int? ConstructorInt32(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[index] is { Kind: TypedConstantKind.Primitive, Value: int value }
            ? value
            : null;

    public static string? NamedString(AttributeData attribute, string name) =>
        Named(attribute, name) is { Kind: TypedConstantKind.Primitive, Value: string value } ? value : null;

    public static int? NamedInt32(AttributeData attribute, string name) =>
        Named(attribute, name) is { Kind: TypedConstantKind.Primitive, Value: int value } ? value : null;

    public static bool? NamedBoolean(AttributeData attribute, string name) =>
        Named(attribute, name) is { Kind: TypedConstantKind.Primitive, Value: bool value } ? value : null;

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }
}
