using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PatternsGen.Roslyn;

/// <summary>
/// Which declarations stand in the way of generating into a type: the generator skips a type
/// that has any (PGEN900 reports them), so the user sees one clear error instead of CS0260.
/// </summary>
internal static class PartialTypes
{
    /// <summary>True when the type and every type containing it are declared <see langword="partial"/> in source.</summary>
    public static bool CanGenerateInto(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartialEverywhere(current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The declarations of <paramref name="type"/> in source that lack the <see langword="partial"/> modifier.</summary>
    public static IEnumerable<TypeDeclarationSyntax> NonPartialDeclarations(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                yield return declaration;
            }
        }
    }

    private static bool IsPartialEverywhere(INamedTypeSymbol type)
    {
        // A type the compiler made up (top-level statements' Program, or the holder of a method written outside
        // any type) cannot be generated into, nor named in a file.
        if (!type.CanBeReferencedByName || type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }
}
