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
using PatternsGen.Roslyn;

namespace PatternsGen.CodeFixes.Sagas;

/// <summary>
/// PGEN001: "Add compensation 'UndoX'" writes a compensation of the step's signature after the step
/// (its body throws until written, so a forgotten stub shows up as a compensation failure rather than
/// as a silent success) and sets <c>Compensate = nameof(UndoX)</c> on the step's attribute.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCompensationCodeFixProvider)), Shared]
public sealed class AddCompensationCodeFixProvider : CodeFixProvider
{
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
                CodeAction.Create($"Add compensation '{name}'", ct => AddAsync(context.Document, step, name, ct), equivalenceKey: nameof(AddCompensationCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> AddAsync(Document document, MethodDeclarationSyntax step, string name, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model?.GetDeclaredSymbol(step, ct) is not IMethodSymbol method
            || SagaSteps.StepProblem(method, out var context, out var result) is not null
            || step.AttributeLists.SelectMany(static l => l.Attributes).FirstOrDefault(a => IsSagaStep(model, a, ct)) is not { } attribute)
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
        stub = stub.WithLeadingTrivia(SyntaxFactory.EndOfLine(newline)).WithAdditionalAnnotations(Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);

        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals("Compensate"), null, SyntaxFactory.ParseExpression($"nameof({name})"));
        var newAttribute = attribute.ArgumentList is null
            ? attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(argument)))
            : attribute.WithArgumentList(attribute.ArgumentList.AddArguments(argument));
        var saga = (TypeDeclarationSyntax)step.Parent!;
        var updatedStep = step.ReplaceNode(attribute, newAttribute);
        var updatedSaga = saga.ReplaceNode(step, new SyntaxNode[] { updatedStep, stub });
        return document.WithSyntaxRoot(root.ReplaceNode(saga, updatedSaga));
    }

    private static bool IsSagaStep(SemanticModel model, AttributeSyntax attribute, CancellationToken ct) =>
        model.GetTypeInfo(attribute, ct).Type is INamedTypeSymbol type && AttributeReader.Is(type, KnownTypes.SagaStepAttribute);

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
