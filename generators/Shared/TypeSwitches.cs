using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>How generated type switches order their cases.</summary>
internal static class TypeSwitches
{
    /// <summary>
    /// A case may not follow a case that subsumes it (CS8120): test derived types before their bases. A
    /// subtype always has strictly more ancestors than its base, so sorting by this rank, descending and
    /// stable on declaration order, puts every type before its bases; <c>object</c> goes last.
    /// </summary>
    public static int SpecificityRank(ITypeSymbol type)
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
