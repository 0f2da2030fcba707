using System.Linq;
using Microsoft.CodeAnalysis;

namespace PatternsGen.Generators;

/// <summary>For generators whose attribute sits on a type: one output per type, however many declarations carry it.</summary>
internal static class AttributedTypes
{
    /// <summary>
    /// True for the declaration of the type that carries the attribute's first application. A partial type with the
    /// attribute on two of its declarations (CS0579 for the user) is seen twice by <c>ForAttributeWithMetadataName</c>;
    /// only one may generate, or two files of one name would fail the whole generator. The type's merged attributes
    /// say where each was written, so aliases and qualified names need no matching here.
    /// </summary>
    public static bool IsFirstAttributedDeclaration(GeneratorAttributeSyntaxContext context)
    {
        if (context.Attributes.FirstOrDefault()?.AttributeClass is not { } attributeClass)
        {
            return true;
        }

        foreach (var attribute in context.TargetSymbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass) && attribute.ApplicationSyntaxReference is { } written)
            {
                return written.SyntaxTree == context.TargetNode.SyntaxTree && context.TargetNode.Span.Contains(written.Span);
            }
        }

        return true;
    }
}
