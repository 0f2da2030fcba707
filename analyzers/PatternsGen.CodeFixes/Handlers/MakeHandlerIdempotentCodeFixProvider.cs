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
using Microsoft.CodeAnalysis.Simplification;
using PatternsGen.Analyzers;
using PatternsGen.Roslyn;

namespace PatternsGen.CodeFixes.Handlers;

/// <summary>
/// PGEN002, two ways out: "Skip redeliveries with the inbox" sets <c>UseInbox = true</c> on the handler's
/// <c>[EventHandler]</c>; "Mark the handler [Idempotent]" adds the attribute, for a handler whose repeat is harmless.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeHandlerIdempotentCodeFixProvider)), Shared]
public sealed class MakeHandlerIdempotentCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandlerNotIdempotent);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not MethodDeclarationSyntax handler)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Skip redeliveries with the inbox (UseInbox = true)", ct => UseInboxAsync(context.Document, handler, ct), equivalenceKey: "UseInbox"),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create("Mark the handler [Idempotent]", ct => MarkIdempotentAsync(context.Document, handler, ct), equivalenceKey: "Idempotent"),
                diagnostic);
        }
    }

    private static async Task<Document> UseInboxAsync(Document document, MethodDeclarationSyntax handler, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null
            || AttributeSyntaxEdits.Find(handler, model, KnownTypes.EventHandlerAttribute, ct) is not { } attribute)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(attribute, AttributeSyntaxEdits.WithNamedArgument(attribute, AttributeArguments.UseInbox, AttributeSyntaxEdits.True)));
    }

    private static async Task<Document> MarkIdempotentAsync(Document document, MethodDeclarationSyntax handler, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Fully qualified, then simplified against the file's usings ("[Idempotent]" under "using PatternsGen;").
        var idempotent = SyntaxFactory.Attribute(SyntaxFactory.ParseName("PatternsGen.Idempotent").WithAdditionalAnnotations(Simplifier.Annotation));
        var list = handler.AttributeLists.FirstOrDefault(static l => l.Target is null);
        var updated = list is not null
            ? handler.ReplaceNode(list, list.AddAttributes(idempotent))
            : handler.AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(idempotent)));
        return document.WithSyntaxRoot(root.ReplaceNode(handler, updated));
    }
}
