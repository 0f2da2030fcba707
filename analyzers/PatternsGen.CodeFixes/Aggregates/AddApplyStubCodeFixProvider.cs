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

/// <summary>PGEN201: "Add Apply(OrderShipped)" adds an empty Apply method for the raised event to the aggregate declaration that raises it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddApplyStubCodeFixProvider)), Shared]
public sealed class AddApplyStubCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RaisedEventHasNoApply);

    // One stub per event type: fix-all of two Raise calls of one type must not add two Apply methods (PGEN202).
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AggregateAnalyzer.EventTypeProperty, out var eventType) || eventType is null
                || root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } aggregate)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Add Apply({eventType})", ct => AddStubAsync(context.Document, aggregate, eventType, ct), equivalenceKey: "AddApply:" + eventType),
                diagnostic);
        }
    }

    private static async Task<Document> AddStubAsync(Document document, TypeDeclarationSyntax aggregate, string eventType, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // A blank line before the stub, in the file's own line ending.
        var newline = SyntaxText.NewLine(root);
        var stub = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"private void Apply({eventType} e){newline}{{{newline}}}{newline}")!;
        stub = stub.WithLeadingTrivia(SyntaxFactory.EndOfLine(newline)).WithAdditionalAnnotations(Formatter.Annotation);

        // After the last Apply method when there is one, so the handlers stay together; else at the end.
        var lastApply = aggregate.Members.OfType<MethodDeclarationSyntax>().LastOrDefault(static m => m.Identifier.ValueText == "Apply");
        var updated = lastApply is null
            ? aggregate.AddMembers(stub)
            : aggregate.InsertNodesAfter(lastApply, new[] { stub });
        return document.WithSyntaxRoot(root.ReplaceNode(aggregate, updated));
    }
}
