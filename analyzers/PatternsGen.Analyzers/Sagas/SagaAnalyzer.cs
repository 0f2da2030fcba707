using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PatternsGen.Roslyn;

namespace PatternsGen.Analyzers.Sagas;

/// <summary>
/// The mistakes in a <c>[Saga]</c> class: a step before the pivot with no compensation and something to
/// undo (PGEN001), a
/// compensation that does not exist (PGEN101) or cannot be called (PGEN102), two steps with one order
/// (PGEN103), steps of different contexts (PGEN104), a step of the wrong shape (PGEN105), a compensation
/// that can never run after the pivot (PGEN106), two pivots (PGEN107), and retry or timeout settings out
/// of range (PGEN108), a step with nothing to undo that names a compensation (PGEN109). Reported on step
/// method names.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SagaAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.StepHasNoCompensation,
        DiagnosticDescriptors.CompensationNotFound,
        DiagnosticDescriptors.CompensationWrongShape,
        DiagnosticDescriptors.DuplicateStepOrder,
        DiagnosticDescriptors.StepContextMismatch,
        DiagnosticDescriptors.InvalidStepShape,
        DiagnosticDescriptors.CompensationAfterPivot,
        DiagnosticDescriptors.MultiplePivots,
        DiagnosticDescriptors.InvalidStepPolicy,
        DiagnosticDescriptors.NothingToUndoWithCompensation);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.SagaStepAttribute) is null)
            {
                return; // PatternsGen is not referenced
            }

            start.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var saga = (INamedTypeSymbol)context.Symbol;
        if (!AttributeReader.Has(saga, KnownTypes.SagaAttribute))
        {
            return;
        }

        var steps = new List<Step>();
        foreach (var method in saga.GetMembers().OfType<IMethodSymbol>())
        {
            if (AttributeReader.Find(method, KnownTypes.SagaStepAttribute) is { } attribute
                && method.Locations.FirstOrDefault() is { IsInSource: true } location
                && SagaStepSettings.Read(attribute) is { Order: { } order } settings)
            {
                steps.Add(new Step(method, location, order, settings));
            }
        }

        ITypeSymbol? sagaContext = null;
        Step? pivot = null;
        foreach (var step in steps.OrderBy(static s => s.Order).ThenBy(static s => s.Location.SourceSpan.Start))
        {
            if (steps.FirstOrDefault(other => other.Order == step.Order) is { } first && !ReferenceEquals(first, step))
            {
                Report(context, DiagnosticDescriptors.DuplicateStepOrder, step, step.Order, first.Method.Name);
            }

            foreach (var (setting, value, minimum) in step.Settings.Ranges)
            {
                if (value < minimum)
                {
                    Report(context, DiagnosticDescriptors.InvalidStepPolicy, step, setting, value, minimum == 1 ? "at least 1" : "0 or more");
                }
            }

            if (step.Settings.IsPivot)
            {
                if (pivot is not null)
                {
                    Report(context, DiagnosticDescriptors.MultiplePivots, step, pivot.Method.Name);
                }

                pivot ??= step;
            }

            if (SagaSteps.StepProblem(step.Method, out var stepContext, out var result) is { } problem)
            {
                Report(context, DiagnosticDescriptors.InvalidStepShape, step, problem);
                continue;
            }

            if (sagaContext is null)
            {
                sagaContext = stepContext;
            }
            else if (!SymbolEqualityComparer.Default.Equals(sagaContext, stepContext))
            {
                Report(context, DiagnosticDescriptors.StepContextMismatch, step, stepContext!.ToDisplayString(), sagaContext.ToDisplayString());
            }

            var compensate = step.Settings.CompensateName;
            var afterPivot = pivot is not null && !ReferenceEquals(pivot, step);
            if (compensate is null)
            {
                if (pivot is null && !step.Settings.HasNothingToUndo)
                {
                    Report(context, DiagnosticDescriptors.StepHasNoCompensation, step);
                }

                continue;
            }

            if (step.Settings.HasNothingToUndo)
            {
                Report(context, DiagnosticDescriptors.NothingToUndoWithCompensation, step, compensate);
            }

            if (afterPivot)
            {
                Report(context, DiagnosticDescriptors.CompensationAfterPivot, step, pivot!.Method.Name, compensate);
            }

            var candidates = saga.GetMembers(compensate).OfType<IMethodSymbol>().ToList();
            if (candidates.Count == 0)
            {
                Report(context, DiagnosticDescriptors.CompensationNotFound, step, compensate, saga.Name);
            }
            else if (candidates.All(c => SagaSteps.CompensationProblem(c, stepContext!, result) is not null))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CompensationWrongShape, step.Location, compensate, step.Method.Name,
                    SagaSteps.CompensationProblem(candidates[0], stepContext!, result)));
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Step step, params object?[] rest) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, step.Location, new object?[] { step.Method.Name }.Concat(rest).ToArray()));

    private sealed class Step(IMethodSymbol method, Location location, int order, SagaStepSettings settings)
    {
        public IMethodSymbol Method { get; } = method;

        public Location Location { get; } = location;

        public int Order { get; } = order;

        public SagaStepSettings Settings { get; } = settings;
    }
}
