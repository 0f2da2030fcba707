using Microsoft.CodeAnalysis.CSharp;

namespace PatternsGen.Roslyn;

internal static class Identifiers
{
    /// <summary>Spells a name as C# source must: <c>@class</c> for a type or parameter named <c>class</c>.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;
}
