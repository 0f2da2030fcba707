using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Roslyn;

/// <summary>
/// The <c>&lt;summary&gt;</c> and <c>&lt;param&gt;</c> text of a symbol's XML documentation, read from its
/// declaration's <c>///</c> lines, so it works whether or not the project generates a documentation file.
/// </summary>
internal static class DocumentationText
{
    /// <summary>The summary, as one line of plain text, or null.</summary>
    public static string? Summary(ISymbol symbol) => Element(symbol, "summary", null);

    /// <summary>
    /// Whether the declaration's <c>///</c> lines hold a non-empty <c>&lt;summary&gt;</c>: what an analyzer needs to know,
    /// found without parsing the XML (which, done for every tool in the compiler's process, cost seconds per thousand).
    /// </summary>
    public static bool HasSummary(SyntaxNode declaration)
    {
        var text = declaration.GetLeadingTrivia().ToFullString();
        var start = text.IndexOf("<summary>", System.StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("</summary>", start, System.StringComparison.Ordinal);
        for (var i = start + "<summary>".Length; i < end; i++)
        {
            if (text[i] is not (' ' or '/' or '\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>&lt;param name="..."&gt;</c> text, or null.</summary>
    public static string? Parameter(IMethodSymbol method, string name) => Element(method, "param", name);

    /// <summary><c>[Description("...")]</c> (System.ComponentModel) on <paramref name="symbol"/>, or null.</summary>
    public static string? DescriptionAttribute(ISymbol symbol) =>
        AttributeReader.Find(symbol, "System.ComponentModel.DescriptionAttribute") is { } attribute
        && AttributeReader.ConstructorString(attribute, 0) is { Length: > 0 } text ? text : null;

    private static string? Element(ISymbol symbol, string element, string? name)
    {
        var xml = Xml(symbol);
        if (xml is null)
        {
            return null;
        }

        try
        {
            var found = XElement.Parse("<doc>" + xml + "</doc>").Elements(element)
                .FirstOrDefault(e => name is null || (string?)e.Attribute("name") == name);
            return found is null ? null : Flatten(found);
        }
        catch (System.Xml.XmlException)
        {
            return null; // malformed documentation: no description rather than a crash
        }
    }

    private static string? Xml(ISymbol symbol)
    {
        var reference = symbol.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var trivia in reference.GetSyntax().GetLeadingTrivia())
        {
            foreach (var line in trivia.ToFullString().Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("///", System.StringComparison.Ordinal))
                {
                    text.Append(trimmed.Substring(3)).Append(' ');
                }
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    // <see cref="X"/> and <paramref name="y"/> become their names; whitespace collapses to single spaces.
    private static string? Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { IsEmpty: true } e:
                    var name = (string?)e.Attribute("cref") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("langword");
                    text.Append(name?.Substring(name.IndexOf(':') + 1));
                    break;
            }
        }

        var flat = string.Join(" ", text.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? null : flat;
    }
}
