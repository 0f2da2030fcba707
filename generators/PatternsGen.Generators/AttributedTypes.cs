using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PatternsGen.Generators;

/// <summary>For generators whose attribute sits on a type: one output per type, however many declarations carry it.</summary>
internal static class AttributedTypes
{
    /// <summary>
    /// True for the first declaration of the type that carries the attribute. A partial type with the attribute on
    /// two of its declarations (CS0579 for the user) is seen twice by <c>ForAttributeWithMetadataName</c>; only the
    /// first may generate, or two files of one name would fail the whole generator.
    /// </summary>
    public static bool IsFirstAttributedDeclaration(GeneratorAttributeSyntaxContext context, CancellationToken ct)
    {
        if (context.Attributes.FirstOrDefault()?.AttributeClass?.Name is not { } attribute)
        {
            return true;
        }

        var shortName = attribute.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Substring(0, attribute.Length - "Attribute".Length) : attribute;
        foreach (var reference in context.TargetSymbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == context.TargetNode.SyntaxTree && reference.Span == context.TargetNode.Span)
            {
                return true;
            }

            if (reference.GetSyntax(ct) is MemberDeclarationSyntax declaration
                && declaration.AttributeLists.SelectMany(static l => l.Attributes).Any(a => Names(a.Name, attribute, shortName)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Names(NameSyntax name, string attribute, string shortName)
    {
        var last = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return last == attribute || last == shortName;
    }
}
