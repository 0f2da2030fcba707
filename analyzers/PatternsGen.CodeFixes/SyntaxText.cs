using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PatternsGen.CodeFixes;

/// <summary>Text conventions of the file a fix edits.</summary>
internal static class SyntaxText
{
    /// <summary>The file's own line ending (its first), so inserted members do not mix endings.</summary>
    public static string NewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(static t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";

    /// <summary>
    /// <paramref name="type"/> with a blank line before its member at <paramref name="index"/> (the one after an
    /// inserted member) when it has none: the formatter keeps blank lines but does not add them, so a member that
    /// followed the anchor directly would otherwise follow the inserted one directly.
    /// </summary>
    public static TypeDeclarationSyntax SeparateFromNext(TypeDeclarationSyntax type, int index, string newline)
    {
        if (index >= type.Members.Count)
        {
            return type;
        }

        var next = type.Members[index];
        var leading = next.GetLeadingTrivia();
        return leading.FirstOrDefault(static t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).IsKind(SyntaxKind.EndOfLineTrivia)
            ? type
            : type.ReplaceNode(next, next.WithLeadingTrivia(leading.Insert(0, SyntaxFactory.EndOfLine(newline))));
    }
}
