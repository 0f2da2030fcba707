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
using Microsoft.CodeAnalysis.Simplification;
using PatternsGen.Analyzers;
using PatternsGen.Roslyn;

namespace PatternsGen.CodeFixes.Sagas;

/// <summary>
/// PGEN001, two ways out. "Add compensation 'UndoX'" writes a compensation of the step's signature after the
/// step (its body throws until written, so a forgotten stub shows up as a compensation failure rather than
/// as a silent success) and sets <c>Compensate = nameof(UndoX)</c> on the step's attribute. "Mark 'X' as
/// having nothing to undo" sets <c>NothingToUndo = true</c>, for a step that only reads.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StepHasNoCompensationCodeFixProvider)), Shared]
public sealed class StepHasNoCompensationCodeFixProvider : CodeFixProvider
{
    /// <summary>The fix-all key of "Add compensation".</summary>
    public const string AddCompensationKey = "AddCompensation";

    /// <summary>The fix-all key of "Mark as having nothing to undo".</summary>
    public const string NothingToUndoKey = "NothingToUndo";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StepHasNoCompensation);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not MethodDeclarationSyntax step
            || step.Parent is not TypeDeclarationSyntax saga)
        {
            return;
        }

        var name = UniqueName(saga, "Undo" + step.Identifier.ValueText);
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Add compensation '{name}'", ct => AddCompensationAsync(context.Document, step, name, ct), equivalenceKey: AddCompensationKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create($"Mark '{step.Identifier.ValueText}' as having nothing to undo", ct => MarkNothingToUndoAsync(context.Document, step, ct), equivalenceKey: NothingToUndoKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddCompensationAsync(Document document, MethodDeclarationSyntax step, string name, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model?.GetDeclaredSymbol(step, ct) is not IMethodSymbol method
            || SagaSteps.StepProblem(method, out var context, out var result) is not null
            || AttributeSyntaxEdits.Find(step, model, KnownTypes.SagaStepAttribute, ct) is not { } attribute)
        {
            return document;
        }

        var position = step.SpanStart;
        // Fully qualified, then simplified against the file's usings.
        var returns = "System.Threading.Tasks." + (SagaSteps.IsValueTask(method.ReturnType) ? "ValueTask" : "Task");
        const string token = "System.Threading.CancellationToken ct";
        var parameters = result is null
            ? $"{context!.ToMinimalDisplayString(model, position)} context, {token}"
            : $"{context!.ToMinimalDisplayString(model, position)} context, {result.ToMinimalDisplayString(model, position)} result, {token}";
        var newline = SyntaxText.NewLine(root);
        var stub = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"public {returns} {name}({parameters}){newline}{{{newline}" +
            $"throw new System.NotImplementedException(\"Undo {step.Identifier.ValueText}\");{newline}}}{newline}")!;
        stub = stub.WithLeadingTrivia(SyntaxFactory.EndOfLine(newline)).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

        var nameOf = SyntaxFactory.ParseExpression($"nameof({name})");
        var saga = (TypeDeclarationSyntax)step.Parent!;
        var updatedStep = step.ReplaceNode(attribute, AttributeSyntaxEdits.WithNamedArgument(attribute, SagaStepSettings.Compensate, nameOf));
        var updatedSaga = saga.ReplaceNode(step, new SyntaxNode[] { updatedStep, stub });
        return document.WithSyntaxRoot(root.ReplaceNode(saga, SyntaxText.SeparateFromNext(updatedSaga, saga.Members.IndexOf(step) + 2, newline)));
    }

    private static async Task<Document> MarkNothingToUndoAsync(Document document, MethodDeclarationSyntax step, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null || AttributeSyntaxEdits.Find(step, model, KnownTypes.SagaStepAttribute, ct) is not { } attribute)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(attribute, AttributeSyntaxEdits.WithNamedArgument(attribute, SagaStepSettings.NothingToUndo, AttributeSyntaxEdits.True)));
    }

    private static string UniqueName(TypeDeclarationSyntax saga, string name)
    {
        var taken = saga.Members.OfType<MethodDeclarationSyntax>().Select(static m => m.Identifier.ValueText).ToImmutableHashSet();
        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
