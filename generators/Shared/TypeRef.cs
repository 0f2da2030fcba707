using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// A type as generated code spells it (<c>global::Shop.OrderPlaced</c>) plus its short name for
/// messages and comments. Models hold these instead of <see cref="ITypeSymbol"/>, which would pin
/// the compilation and defeat caching.
/// </summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record TypeRef(string FullyQualifiedName, string Name)
{
    public static TypeRef From(ITypeSymbol type) =>
        new(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), type.Name);
}
