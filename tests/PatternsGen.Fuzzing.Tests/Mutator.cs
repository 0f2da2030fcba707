using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PatternsGen.Fuzzing.Tests;

/// <summary>
/// Makes a mutant of a source file the way editing, merging or a confused user breaks code: a token deleted or
/// inserted, attribute arguments swapped or given values of the wrong type, a member duplicated, an identifier
/// replaced by another of the file, or the file cut short. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Tokens =
        ["{", "}", "(", ")", "[", "]", ";", ",", "=", "=>", "?", "<", ">", "null", "0", "\"x\"", "static", "partial", "async", "void",
         "[Saga]", "[Aggregate]", "[AgentTool]", "[EventHandler]", "[Projection]", "[SagaStep(1)]", "[Event(\"x\")]", "ref", "out", "params", "new()"];

    private static readonly string[] WrongValues =
        ["42", "-1", "int.MaxValue", "\"\"", "\"has spaces\"", "\"a.b\"", "true", "null", "typeof(int)", "nameof(System)", "1.5", "'c'", "default", "new object()"];

    public static string Mutate(SyntaxTree tree, Random random)
    {
        var text = tree.GetText().ToString();
        var root = tree.GetRoot();
        for (var tries = 0; tries < 5; tries++)
        {
            var mutant = (random.Next(8)) switch
            {
                0 => DeleteToken(text, root, random),
                1 => InsertToken(text, root, random),
                2 => SwapAttributeArguments(text, root, random),
                3 => WrongAttributeArgument(text, root, random),
                4 => DuplicateMember(text, root, random),
                5 => ReplaceIdentifier(text, root, random),
                6 => text[..random.Next(text.Length)],
                _ => DeleteToken(DeleteToken(text, root, random), root, random),
            };
            if (mutant is not null && mutant != text)
            {
                return mutant;
            }
        }

        return text[..random.Next(text.Length)];
    }

    private static string DeleteToken(string text, SyntaxNode root, Random random)
    {
        var token = Pick(root.DescendantTokens().ToList(), random);
        return token.Span.End <= text.Length ? text.Remove(token.SpanStart, token.Span.Length) : text;
    }

    private static string InsertToken(string text, SyntaxNode root, Random random)
    {
        var token = Pick(root.DescendantTokens().ToList(), random);
        return text.Insert(token.SpanStart, Tokens[random.Next(Tokens.Length)] + " ");
    }

    private static string? SwapAttributeArguments(string text, SyntaxNode root, Random random)
    {
        var lists = root.DescendantNodes().OfType<AttributeArgumentListSyntax>().Where(static l => l.Arguments.Count >= 2).ToList();
        if (lists.Count == 0)
        {
            return null;
        }

        var list = Pick(lists, random);
        var (a, b) = (list.Arguments[0], list.Arguments[random.Next(1, list.Arguments.Count)]);
        return Replace(text, [(a.Span, b.ToString()), (b.Span, a.ToString())]);
    }

    private static string? WrongAttributeArgument(string text, SyntaxNode root, Random random)
    {
        var arguments = root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList();
        if (arguments.Count == 0)
        {
            return null;
        }

        var argument = Pick(arguments, random);
        return Replace(text, [(argument.Expression.Span, WrongValues[random.Next(WrongValues.Length)])]);
    }

    private static string? DuplicateMember(string text, SyntaxNode root, Random random)
    {
        var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(static m => m is not BaseNamespaceDeclarationSyntax).ToList();
        if (members.Count == 0)
        {
            return null;
        }

        var member = Pick(members, random);
        return text.Insert(member.FullSpan.End, member.ToFullString());
    }

    private static string? ReplaceIdentifier(string text, SyntaxNode root, Random random)
    {
        var identifiers = root.DescendantTokens().Where(static t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count < 2)
        {
            return null;
        }

        var target = Pick(identifiers, random);
        return Replace(text, [(target.Span, Pick(identifiers, random).ValueText)]);
    }

    /// <summary>Replaces non-overlapping spans, the last first so earlier offsets stay right.</summary>
    private static string Replace(string text, (Microsoft.CodeAnalysis.Text.TextSpan Span, string With)[] edits)
    {
        foreach (var (span, with) in edits.OrderByDescending(static e => e.Span.Start))
        {
            text = text.Remove(span.Start, span.Length).Insert(span.Start, with);
        }

        return text;
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
