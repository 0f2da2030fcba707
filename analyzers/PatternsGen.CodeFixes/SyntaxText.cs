using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PatternsGen.CodeFixes;

/// <summary>Text conventions of the file a fix edits.</summary>
internal static class SyntaxText
{
    /// <summary>The file's own line ending (its first), so inserted members do not mix endings.</summary>
    public static string NewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(static t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";
}
