using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PatternsGen.Analyzers;
using PatternsGen.Analyzers.Aggregates;

namespace PatternsGen.CodeFixes.Aggregates;

/// <summary>
/// PGEN201: "Add Apply(OrderShipped)" adds an empty Apply method for the raised event to the aggregate
/// declaration that raises it. Fix-all adds one stub per aggregate and event type, however many
/// <c>Raise</c> calls of that type there are (two would be PGEN202).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddApplyStubCodeFixProvider)), Shared]
public sealed class AddApplyStubCodeFixProvider : CodeFixProvider
{
    /// <summary>The fix-all key: every missing Apply at once.</summary>
    public const string Key = "AddApply";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RaisedEventHasNoApply);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && Target(root, diagnostic) is var (aggregate, eventType))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Add Apply({eventType})", _ => Task.FromResult(WithStubs(context.Document, root, aggregate, [eventType])), equivalenceKey: Key),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var stubs = diagnostics
            .Select(d => Target(root, d))
            .OfType<(TypeDeclarationSyntax Aggregate, string EventType)>()
            .GroupBy(static t => t.Aggregate)
            .ToDictionary(static g => g.Key, static g => g.Select(static t => t.EventType).Distinct().ToList());
        var newline = SyntaxText.NewLine(root);
        return document.WithSyntaxRoot(root.ReplaceNodes(stubs.Keys, (original, _) => AddStubs(original, stubs[original], newline)));
    }

    private static (TypeDeclarationSyntax Aggregate, string EventType)? Target(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(AggregateAnalyzer.EventTypeProperty, out var eventType) && eventType is not null
        && root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } aggregate
            ? (aggregate, eventType)
            : null;

    private static Document WithStubs(Document document, SyntaxNode root, TypeDeclarationSyntax aggregate, IReadOnlyList<string> eventTypes) =>
        document.WithSyntaxRoot(root.ReplaceNode(aggregate, AddStubs(aggregate, eventTypes, SyntaxText.NewLine(root))));

    private static TypeDeclarationSyntax AddStubs(TypeDeclarationSyntax aggregate, IReadOnlyList<string> eventTypes, string newline)
    {
        // A blank line before each stub, in the file's own line ending.
        var stubs = eventTypes.Select(eventType =>
            ((MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"private void Apply({eventType} e){newline}{{{newline}}}{newline}")!)
                .WithLeadingTrivia(SyntaxFactory.EndOfLine(newline))
                .WithAdditionalAnnotations(Formatter.Annotation)).ToList();

        // After the last Apply method when there is one, so the handlers stay together; else at the end.
        var lastApply = aggregate.Members.OfType<MethodDeclarationSyntax>().LastOrDefault(static m => m.Identifier.ValueText == "Apply");
        return lastApply is null
            ? aggregate.AddMembers(stubs.ToArray())
            : SyntaxText.SeparateFromNext(aggregate.InsertNodesAfter(lastApply, stubs), aggregate.Members.IndexOf(lastApply) + 1 + stubs.Count, newline);
    }
}
