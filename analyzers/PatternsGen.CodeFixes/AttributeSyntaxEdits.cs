using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PatternsGen.Roslyn;

namespace PatternsGen.CodeFixes;

/// <summary>The attribute edits several fixes make: find a PatternsGen attribute on a member, set one of its named arguments.</summary>
internal static class AttributeSyntaxEdits
{
    /// <summary>The attribute on <paramref name="member"/> whose type is <paramref name="metadataName"/>, or null.</summary>
    public static AttributeSyntax? Find(MemberDeclarationSyntax member, SemanticModel model, string metadataName, CancellationToken ct) =>
        member.AttributeLists.SelectMany(static l => l.Attributes).FirstOrDefault(a =>
            model.GetTypeInfo(a, ct).Type is INamedTypeSymbol type && AttributeReader.Is(type, metadataName));

    /// <summary><paramref name="attribute"/> with <c>name = value</c>, replacing that argument if it is there already.</summary>
    public static AttributeSyntax WithNamedArgument(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, value);
        var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return existing is not null
            ? attribute.ReplaceNode(existing, argument)
            : attribute.ArgumentList is null
                ? attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(argument)))
                : attribute.WithArgumentList(attribute.ArgumentList.AddArguments(argument));
    }

    /// <summary>The literal <c>true</c>.</summary>
    public static ExpressionSyntax True => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
}
