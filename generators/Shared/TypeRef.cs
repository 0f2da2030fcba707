using System.Linq;
using System.Text;
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
    public static TypeRef From(ITypeSymbol type) => new(FullyQualified(type), type.Name);

    /// <summary>
    /// <c>global::</c>-qualified source spelling with every identifier escaped (<c>global::Shop.@event</c>).
    /// Written out by hand because <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> does not
    /// escape keyword names in every position (a record struct named <c>@event</c> came out bare).
    /// </summary>
    public static string FullyQualified(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return FullyQualified(nullable.TypeArguments[0]) + "?"; // the underlying type is spelled by this method too
        }

        if (type is not INamedTypeSymbol named || named.IsTupleType || named.SpecialType != SpecialType.None)
        {
            return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }

        var builder = new StringBuilder();
        if (named.ContainingType is { } container)
        {
            builder.Append(FullyQualified(container)).Append('.');
        }
        else
        {
            builder.Append("global::");
            if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Append(Namespace(ns)).Append('.');
            }
        }

        builder.Append(Identifiers.Escape(named.Name));
        if (named.TypeArguments.Length > 0)
        {
            builder.Append('<').Append(string.Join(", ", named.TypeArguments.Select(FullyQualified))).Append('>');
        }

        return builder.ToString();
    }

    /// <summary>A namespace as a namespace declaration spells it: dotted, keywords escaped, no <c>global::</c>.</summary>
    public static string Namespace(INamespaceSymbol ns) =>
        ns.ContainingNamespace is { IsGlobalNamespace: false } parent
            ? Namespace(parent) + "." + Identifiers.Escape(ns.Name)
            : Identifiers.Escape(ns.Name);
}
