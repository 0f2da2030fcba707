using System.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// How an event type is named and whether the generated registration can name it. Shared so that
/// the registration the generator writes and the duplicate-name check (PGEN204) always agree.
/// </summary>
internal static class EventTypeNames
{
    /// <summary>The stored name: <c>[Event("name")]</c> when given and not blank, else the type's name.</summary>
    public static string NameOf(ITypeSymbol type)
    {
        if (AttributeReader.Find(type, KnownTypes.EventAttribute) is { } attribute
            && AttributeReader.ConstructorString(attribute, 0) is { } name
            && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        return type.Name;
    }

    /// <summary>
    /// True for a type the stores can hold: a concrete class, record or struct, with no open type
    /// parameters, that code at the top level of its assembly can name (the registration lives there).
    /// </summary>
    public static bool IsStorable(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            || named.IsAbstract || named.IsStatic || named.IsUnboundGenericType || named.IsRefLikeType
            || named.SpecialType != SpecialType.None || HasTypeParameter(named))
        {
            return false;
        }

        for (ISymbol? current = named; current is INamedTypeSymbol containing; current = current.ContainingType)
        {
            if (containing.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => HasTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasTypeParameter)
                                  || (named.ContainingType is { } outer && HasTypeParameter(outer)),
        _ => false,
    };
}
