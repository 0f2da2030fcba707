using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Sagas.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas;

/// <summary><see cref="SagaModel"/> → the saga's <c>ExecuteAsync</c>. Pure text: no Roslyn types.</summary>
internal static class SagaEmitter
{
    public static string Emit(SagaModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer);

        var steps = model.Steps.ToList();
        var pivot = steps.FindIndex(static s => s.IsPivot); // -1: no pivot, every step can be undone
        var sagaName = SymbolDisplay.FormatLiteral(model.Name, quote: true);

        // One pipeline per step or compensation that has a policy, made on first use by each instance.
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Policy.StepHasPolicy)
            {
                writer.WriteLine($"private global::PatternsGen.Resilience.ResiliencePipeline? {StepPolicy(i)};");
            }

            if (steps[i].Compensation is not null && steps[i].Policy.CompensationHasPolicy)
            {
                writer.WriteLine($"private global::PatternsGen.Resilience.ResiliencePipeline? {UndoPolicy(i)};");
            }
        }

        if (steps.Any(static s => s.Policy.StepHasPolicy || (s.Compensation is not null && s.Policy.CompensationHasPolicy)))
        {
            writer.WriteLine();
        }

        writer.WriteLine($$"""
            /// <summary>
            /// Runs the steps in order: {{string.Join(" → ", steps.Select(static s => s.Method))}}. When one fails (or <paramref name="ct"/>
            /// is cancelled) before the pivot, the completed steps are compensated newest first, each given its own
            /// step's result and a token that is not cancelled; then a <see cref="global::PatternsGen.Sagas.SagaExecutionException"/> names the step.
            /// </summary>
            /// <exception cref="global::PatternsGen.Sagas.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            {{GeneratedCode.Attribute}}
            public async global::System.Threading.Tasks.Task ExecuteAsync({{model.Context.FullyQualifiedName}} context, global::System.Threading.CancellationToken ct = default)
            {
            """);
        writer.Indentation++;
        var telemetry = "global::PatternsGen.Sagas.SagaTelemetry";
        var logger = model.Logger is { } member ? "this." + Identifiers.Escape(member) : "null";
        var time = model.TimeProvider is { } clock ? "this." + Identifiers.Escape(clock) : "null";
        writer.WriteLine($"global::Microsoft.Extensions.Logging.ILogger? logger = {logger};");
        writer.WriteLine($"var started = {telemetry}.Start(logger);");
        writer.WriteLine($"using var activity = {telemetry}.StartSaga({sagaName});");
        writer.WriteLine("global::System.Diagnostics.Activity? step = null;");

        // Each result in a typed local: no dictionary, no boxing.
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Result is { } result)
            {
                writer.WriteLine($"{result.FullyQualifiedName} result{i + 1} = default!;");
            }
        }

        writer.WriteLine("var completed = 0;");
        writer.WriteLine("try");
        writer.OpenBlock();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            writer.WriteLine("ct.ThrowIfCancellationRequested();");
            writer.WriteLine($"step = {telemetry}.StartStep({sagaName}, {SymbolDisplay.FormatLiteral(step.Method, quote: true)});");
            var call = step.Policy.StepHasPolicy
                ? $"await ({StepPolicy(i)} ??= {Policy(sagaName, step.Method, step.Policy.MaxAttempts, step.Policy, step.Policy.TimeoutMilliseconds, time)})" +
                  $".ExecuteAsync(static (s, token) => {Wrap(step.ReturnsValueTask, step.Result, $"s.Saga.{Identifiers.Escape(step.Method)}(s.Context, token)")}, (Saga: this, Context: context), ct).ConfigureAwait(false);"
                : $"await {Identifiers.Escape(step.Method)}(context, ct).ConfigureAwait(false);";
            writer.WriteLine(step.Result is null ? call : $"result{i + 1} = {call}");
            writer.WriteLine($"step = {telemetry}.StepSucceeded(step);");
            writer.WriteLine($"completed = {i + 1};");
        }

        writer.CloseBlock();
        writer.WriteLine("catch (global::System.Exception error)");
        writer.OpenBlock();
        writer.WriteLine($"{telemetry}.StepFailed(step, error);");
        writer.WriteLine("var failed = completed switch");
        writer.OpenBlock();
        for (var i = 0; i < steps.Count; i++)
        {
            writer.WriteLine($"{i} => {SymbolDisplay.FormatLiteral(steps[i].Method, quote: true)},");
        }

        writer.WriteLine("_ => throw new global::System.InvalidOperationException(\"unreachable\"),");
        writer.CloseBlock(";");
        writer.WriteLine();

        if (pivot >= 0)
        {
            writer.WriteLine($"if (completed > {pivot})");
            writer.OpenBlock();
            writer.WriteLine("// Past the point of no return: nothing is undone; what follows the pivot must be retried.");
            writer.WriteLine($"{telemetry}.Failed(activity, {sagaName}, failed, error, 0, pastPivot: true, started, logger);");
            writer.WriteLine($"throw new global::PatternsGen.Sagas.SagaExecutionException({sagaName}, failed, error, pastPivot: true);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("global::System.Collections.Generic.List<global::PatternsGen.Sagas.SagaCompensationFailure>? failures = null;");
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Compensation is not { } undo)
            {
                continue;
            }

            var arguments = steps[i].Result is null ? "context, global::System.Threading.CancellationToken.None" : $"context, result{i + 1}, global::System.Threading.CancellationToken.None";
            var undoCall = steps[i].Policy.CompensationHasPolicy
                ? $"await ({UndoPolicy(i)} ??= {Policy(sagaName, undo, steps[i].Policy.CompensationAttempts, steps[i].Policy, 0, time)})" +
                  $".ExecuteAsync(static (s, token) => {Wrap(steps[i].CompensationReturnsValueTask, null, $"s.Saga.{Identifiers.Escape(undo)}(s.Context, {(steps[i].Result is null ? "" : "s.Result, ")}token)")}, " +
                  $"(Saga: this, Context: context{(steps[i].Result is null ? "" : $", Result: result{i + 1}")}), global::System.Threading.CancellationToken.None).ConfigureAwait(false);"
                : $"await {Identifiers.Escape(undo)}({arguments}).ConfigureAwait(false);";
            writer.WriteLine($"if (completed > {i})");
            writer.OpenBlock();
            writer.WriteLine("try");
            writer.OpenBlock();
            writer.WriteLine(undoCall);
            writer.WriteLine($"{telemetry}.Compensated({sagaName}, {SymbolDisplay.FormatLiteral(steps[i].Method, quote: true)}, {SymbolDisplay.FormatLiteral(undo, quote: true)}, logger);");
            writer.CloseBlock();
            writer.WriteLine("catch (global::System.Exception compensationError)");
            writer.OpenBlock();
            writer.WriteLine($"{telemetry}.CompensationFailed({sagaName}, {SymbolDisplay.FormatLiteral(steps[i].Method, quote: true)}, {SymbolDisplay.FormatLiteral(undo, quote: true)}, compensationError, logger);");
            writer.WriteLine($"(failures ??= new()).Add(new global::PatternsGen.Sagas.SagaCompensationFailure({SymbolDisplay.FormatLiteral(steps[i].Method, quote: true)}, {SymbolDisplay.FormatLiteral(undo, quote: true)}, compensationError));");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"{telemetry}.Failed(activity, {sagaName}, failed, error, failures?.Count ?? 0, pastPivot: false, started, logger);");
        writer.WriteLine($"throw new global::PatternsGen.Sagas.SagaExecutionException({sagaName}, failed, error, failures);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{telemetry}.Completed(activity, {sagaName}, started, logger);");
        writer.Indentation--;
        writer.WriteLine("}");

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    private static string StepPolicy(int index) => $"__patternsGenStepPolicy{index + 1}";

    private static string UndoPolicy(int index) => $"__patternsGenUndoPolicy{index + 1}";

    private static string Policy(string sagaName, string method, int attempts, SagaStepPolicy policy, int timeout, string time) =>
        $"global::PatternsGen.Sagas.SagaPolicies.Create({sagaName}, {SymbolDisplay.FormatLiteral(method, quote: true)}, {attempts}, {policy.RetryDelayMilliseconds}, {timeout}, {time}, logger)";

    /// <summary>A pipeline takes ValueTask-returning actions: a Task is wrapped, a ValueTask passed as is.</summary>
    private static string Wrap(bool isValueTask, TypeRef? result, string call) =>
        isValueTask ? call
        : result is null ? $"new global::System.Threading.Tasks.ValueTask({call})"
        : $"new global::System.Threading.Tasks.ValueTask<{result.FullyQualifiedName}>({call})";
}
