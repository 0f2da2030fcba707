using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Sagas.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas;

/// <summary>
/// <see cref="SagaModel"/> → the saga's <c>ExecuteAsync</c> (and, with a saga log, <c>ResumeAsync</c>).
/// Both run one generated core, which starts wherever a resumed log left off. Pure text: no Roslyn types.
/// </summary>
internal static class SagaEmitter
{
    private const string Sagas = "global::PatternsGen.Sagas";
    private const string Telemetry = Sagas + ".SagaTelemetry";
    private const string Core = "__PatternsGenRunAsync";

    public static string Emit(SagaModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        model.Hierarchy.WriteOpen(writer);

        var saga = new SagaText(model);
        WritePolicyFields(writer, saga);
        if (model.Log is null)
        {
            WriteExecute(writer, saga);
        }
        else
        {
            WriteLoggedEntryPoints(writer, saga, model.Log);
        }

        writer.WriteLine();
        WriteCore(writer, saga);

        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    /// <summary>One pipeline per step or compensation that has a policy, made on first use by each instance.</summary>
    private static void WritePolicyFields(SourceWriter writer, SagaText saga)
    {
        var any = false;
        for (var i = 0; i < saga.Steps.Count; i++)
        {
            if (saga.Steps[i].Policy.StepHasPolicy)
            {
                writer.WriteLine($"private global::PatternsGen.Resilience.ResiliencePipeline? {StepPolicy(i)};");
                any = true;
            }

            if (saga.Steps[i].Compensation is not null && saga.Steps[i].Policy.CompensationHasPolicy)
            {
                writer.WriteLine($"private global::PatternsGen.Resilience.ResiliencePipeline? {UndoPolicy(i)};");
                any = true;
            }
        }

        if (any)
        {
            writer.WriteLine();
        }
    }

    private static void WriteExecuteSummary(SourceWriter writer, SagaText saga)
    {
        writer.WriteLine($$"""
            /// <summary>
            /// Runs the steps in order: {{string.Join(" → ", saga.Steps.Select(static s => s.Method))}}. When one fails (or <paramref name="ct"/>
            /// is cancelled) before the pivot, the completed steps are compensated newest first, each given its own
            /// step's result and a token that is not cancelled; then a <see cref="{{Sagas}}.SagaExecutionException"/> names the step.
            /// </summary>
            """);
    }

    private static void WriteExecute(SourceWriter writer, SagaText saga)
    {
        WriteExecuteSummary(writer, saga);
        writer.WriteLine($$"""
            /// <exception cref="{{Sagas}}.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task ExecuteAsync({{saga.Context}} context, global::System.Threading.CancellationToken ct = default) =>
                {{Core}}(context, null, null, ct);
            """);
    }

    /// <param name="member">The saga's <c>SagaLog</c> field or property.</param>
    private static void WriteLoggedEntryPoints(SourceWriter writer, SagaText saga, string member)
    {
        var log = "this." + Identifiers.Escape(member);
        var requires = string.Concat(saga.Steps.Where(static s => s.Result is not null).Select(static s => $"sagaLog.Require<{s.Result!.FullyQualifiedName}>();\n        "));
        WriteExecuteSummary(writer, saga);
        writer.WriteLine($$"""
            /// <remarks>Recorded in <c>{{member}}</c> under a new saga id when it is set.</remarks>
            /// <exception cref="{{Sagas}}.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            /// <exception cref="{{Sagas}}.SagaLogException">The log could not be written; the run stopped where it was, for <see cref="ResumeAsync"/>.</exception>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task ExecuteAsync({{saga.Context}} context, global::System.Threading.CancellationToken ct = default) =>
                {{log}} is null ? {{Core}}(context, null, null, ct) : ExecuteAsync({{Sagas}}.SagaLog.NewSagaId(), context, ct);

            /// <summary>Runs the saga as <see cref="ExecuteAsync({{saga.ContextCref}}, global::System.Threading.CancellationToken)"/> does, recording the run under <paramref name="sagaId"/> in <c>{{member}}</c> (when it is set).</summary>
            /// <exception cref="{{Sagas}}.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            /// <exception cref="{{Sagas}}.SagaLogException">The log could not be written; the run stopped where it was, for <see cref="ResumeAsync"/>.</exception>
            /// <exception cref="global::System.InvalidOperationException">A run with this id exists already.</exception>
            {{GeneratedCode.Attribute}}
            public async global::System.Threading.Tasks.Task ExecuteAsync(string sagaId, {{saga.Context}} context, global::System.Threading.CancellationToken ct = default)
            {
                {{Sagas}}.SagaLogWriter? log = null;
                if ({{log}} is { } sagaLog)
                {
                    {{requires}}log = await sagaLog.StartAsync({{saga.Name}}, sagaId, context, ct).ConfigureAwait(false);
                }

                await {{Core}}(context, log, null, ct).ConfigureAwait(false);
            }

            /// <summary>
            /// Continues run <paramref name="sagaId"/> from its log after a crash: forward from the first step not recorded
            /// as completed, or on with the compensations not recorded as done. A step or compensation interrupted by the
            /// crash runs again; one recorded as done never does. A finished run is left as it is.
            /// </summary>
            /// <returns>Where the run stands now; <see cref="{{Sagas}}.SagaStatus.Stalled"/> when a step after the pivot still fails.</returns>
            /// <exception cref="{{Sagas}}.SagaLogException">The log could not be read or written.</exception>
            /// <exception cref="global::System.InvalidOperationException">The saga has no log, or no run with this id.</exception>
            {{GeneratedCode.Attribute}}
            public async global::System.Threading.Tasks.Task<{{Sagas}}.SagaStatus> ResumeAsync(string sagaId, global::System.Threading.CancellationToken ct = default)
            {
                var sagaLog = {{log}} ?? throw new global::System.InvalidOperationException({{SymbolDisplay.FormatLiteral($"Saga '{saga.Model.Name}' has no SagaLog to resume from: set '{member}'.", quote: true)}});
                var history = await sagaLog.ReadAsync({{saga.Name}}, sagaId, ct).ConfigureAwait(false);
                if (history.Status is {{Sagas}}.SagaStatus.Completed or {{Sagas}}.SagaStatus.Compensated or {{Sagas}}.SagaStatus.CompensationFailed)
                {
                    return history.Status;
                }

                try
                {
                    await {{Core}}(history.GetContext<{{saga.Context}}>(), history.Continue(), history, ct).ConfigureAwait(false);
                    return {{Sagas}}.SagaStatus.Completed;
                }
                catch ({{Sagas}}.SagaExecutionException error)
                {
                    return history.StatusAfter(error);
                }
            }

            /// <summary>Resumes every run of this saga its log holds as running, compensating or stalled (at start-up, after a crash).</summary>
            /// <returns>Each resumed run and where it stands now.</returns>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<{{Sagas}}.SagaSummary>> ResumeUnfinishedAsync(global::System.Threading.CancellationToken ct = default) =>
                ({{log}} ?? throw new global::System.InvalidOperationException({{SymbolDisplay.FormatLiteral($"Saga '{saga.Model.Name}' has no SagaLog to resume from: set '{member}'.", quote: true)}}))
                    .ResumeUnfinishedAsync({{saga.Name}}, ResumeAsync, ct);
            """);
    }

    /// <summary>
    /// The steps, then either success or the compensations. <c>resumed</c> (a run read back from the log) sets
    /// where it starts; <c>log</c> (null without one) records each step and compensation as it ends.
    /// </summary>
    private static void WriteCore(SourceWriter writer, SagaText saga)
    {
        var steps = saga.Steps;
        writer.WriteLine($$"""
            {{GeneratedCode.Attribute}}
            private async global::System.Threading.Tasks.Task {{Core}}({{saga.Context}} context, {{Sagas}}.SagaLogWriter? log, {{Sagas}}.SagaHistory? resumed, global::System.Threading.CancellationToken ct)
            {
            """);
        writer.Indentation++;
        writer.WriteLine($"global::Microsoft.Extensions.Logging.ILogger? logger = {saga.Logger};");
        writer.WriteLine($"var started = {Telemetry}.Start(logger);");
        writer.WriteLine($"using var activity = {Telemetry}.StartSaga({saga.Name});");
        writer.WriteLine("global::System.Diagnostics.Activity? step = null;");

        // Each result in a typed local: no dictionary, no boxing.
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Result is { } result)
            {
                writer.WriteLine($"{result.FullyQualifiedName} result{i + 1} = default!;");
            }
        }

        writer.WriteLine("var completed = 0; // steps done, in order");
        writer.WriteLine("var pending = -1; // once compensating: completed steps below this index are still to undo");
        writer.WriteLine("string failed = null!;");
        writer.WriteLine("global::System.Exception error = null!;");
        WriteResumedState(writer, steps);

        writer.WriteLine("if (pending < 0)");
        writer.OpenBlock();
        WriteForward(writer, saga);
        writer.CloseBlock();
        writer.WriteLine();
        WriteCompensations(writer, saga);
        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static void WriteResumedState(SourceWriter writer, IReadOnlyList<SagaStepModel> steps)
    {
        writer.WriteLine("if (resumed is not null)");
        writer.OpenBlock();
        writer.WriteLine("completed = resumed.CompletedSteps;");
        writer.WriteLine("pending = resumed.PendingCompensations;");
        for (var i = 0; i < steps.Count; i++)
        {
            // Results are read back only for the compensations: nothing else in the core uses them.
            if (steps[i].Result is { } result && steps[i].Compensation is not null)
            {
                writer.WriteLine($"if (completed > {i}) result{i + 1} = resumed.GetResult<{result.FullyQualifiedName}>({i});");
            }
        }

        writer.WriteLine("if (pending >= 0) (failed, error) = (resumed.Failure!.Step, resumed.RecordedFailure());");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteForward(SourceWriter writer, SagaText saga)
    {
        var steps = saga.Steps;
        var pivot = saga.Pivot;
        writer.WriteLine("try");
        writer.OpenBlock();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var name = Literal(step.Method);
            writer.WriteLine($"if (completed == {i})");
            writer.OpenBlock();
            writer.WriteLine("ct.ThrowIfCancellationRequested();");
            writer.WriteLine($"step = {Telemetry}.StartStep({saga.Name}, {name});");
            var call = step.Policy.StepHasPolicy
                ? $"await ({StepPolicy(i)} ??= {Policy(saga, step.Method, step.Policy.MaxAttempts, step.Policy, step.Policy.TimeoutMilliseconds)})" +
                  $".ExecuteAsync(static (s, token) => {Wrap(step.ReturnsValueTask, step.Result, $"s.Saga.{Identifiers.Escape(step.Method)}(s.Context, token)")}, (Saga: this, Context: context), ct).ConfigureAwait(false);"
                : $"await {Identifiers.Escape(step.Method)}(context, ct).ConfigureAwait(false);";
            writer.WriteLine(step.Result is null ? call : $"result{i + 1} = {call}");
            writer.WriteLine($"step = {Telemetry}.StepSucceeded(step);");
            writer.WriteLine($"completed = {i + 1};");
            writer.WriteLine(step.Result is null
                ? $"if (log is not null) await log.StepCompletedAsync({i}, {name}).ConfigureAwait(false);"
                : $"if (log is not null) await log.StepCompletedAsync({i}, {name}, result{i + 1}).ConfigureAwait(false);");
            writer.CloseBlock();
            if (i < steps.Count - 1)
            {
                writer.WriteLine();
            }
        }

        writer.CloseBlock();
        writer.WriteLine($"catch (global::System.Exception stepError) when (stepError is not {Sagas}.SagaLogException)");
        writer.OpenBlock();
        writer.WriteLine("// A SagaLogException passes: when the log cannot be written the run stops as it is, and the log stays the truth.");
        writer.WriteLine($"{Telemetry}.StepFailed(step, stepError);");
        writer.WriteLine("error = stepError;");
        writer.WriteLine("failed = completed switch");
        writer.OpenBlock();
        for (var i = 0; i < steps.Count; i++)
        {
            writer.WriteLine($"{i} => {Literal(steps[i].Method)},");
        }

        writer.WriteLine("_ => throw new global::System.InvalidOperationException(\"unreachable\"),");
        writer.CloseBlock(";");
        writer.WriteLine();
        if (pivot >= 0)
        {
            writer.WriteLine($"if (completed > {pivot})");
            writer.OpenBlock();
            writer.WriteLine("// Past the point of no return: nothing is undone; the log keeps the run for ResumeAsync to retry forward.");
            writer.WriteLine("if (log is not null) await log.StepFailedAsync(completed, failed, error, pastPivot: true).ConfigureAwait(false);");
            writer.WriteLine($"{Telemetry}.Failed(activity, {saga.Name}, failed, error, 0, pastPivot: true, started, logger);");
            writer.WriteLine($"throw new {Sagas}.SagaExecutionException({saga.Name}, failed, error, pastPivot: true);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("if (log is not null) await log.StepFailedAsync(completed, failed, error, pastPivot: false).ConfigureAwait(false);");
        writer.WriteLine("pending = completed;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("if (pending < 0)");
        writer.OpenBlock();
        writer.WriteLine($"if (log is not null) await log.FinishedAsync({Sagas}.SagaStatus.Completed).ConfigureAwait(false);");
        writer.WriteLine($"{Telemetry}.Completed(activity, {saga.Name}, started, logger);");
        writer.WriteLine("return;");
        writer.CloseBlock();
    }

    private static void WriteCompensations(SourceWriter writer, SagaText saga)
    {
        var steps = saga.Steps;
        writer.WriteLine($"global::System.Collections.Generic.List<{Sagas}.SagaCompensationFailure>? failures = null;");
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Compensation is not { } undo)
            {
                if (steps[i].NothingToUndo && saga.Model.Log is not null)
                {
                    writer.WriteLine($"if (pending > {i} && log is not null) await log.NothingToUndoAsync({i}, {Literal(steps[i].Method)}).ConfigureAwait(false);");
                    writer.WriteLine();
                }

                continue;
            }

            var (name, undoName) = (Literal(steps[i].Method), Literal(undo));
            var arguments = steps[i].Result is null ? "context, global::System.Threading.CancellationToken.None" : $"context, result{i + 1}, global::System.Threading.CancellationToken.None";
            var undoCall = steps[i].Policy.CompensationHasPolicy
                ? $"await ({UndoPolicy(i)} ??= {Policy(saga, undo, steps[i].Policy.CompensationAttempts, steps[i].Policy, 0)})" +
                  $".ExecuteAsync(static (s, token) => {Wrap(steps[i].CompensationReturnsValueTask, null, $"s.Saga.{Identifiers.Escape(undo)}(s.Context, {(steps[i].Result is null ? "" : "s.Result, ")}token)")}, " +
                  $"(Saga: this, Context: context{(steps[i].Result is null ? "" : $", Result: result{i + 1}")}), global::System.Threading.CancellationToken.None).ConfigureAwait(false);"
                : $"await {Identifiers.Escape(undo)}({arguments}).ConfigureAwait(false);";
            writer.WriteLine($"if (pending > {i})");
            writer.OpenBlock();
            writer.WriteLine("global::System.Exception? undoError = null;");
            writer.WriteLine("try");
            writer.OpenBlock();
            writer.WriteLine(undoCall);
            writer.CloseBlock();
            writer.WriteLine("catch (global::System.Exception compensationError)");
            writer.OpenBlock();
            writer.WriteLine("undoError = compensationError;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("if (undoError is null)");
            writer.OpenBlock();
            writer.WriteLine($"{Telemetry}.Compensated({saga.Name}, {name}, {undoName}, logger);");
            writer.WriteLine($"if (log is not null) await log.CompensatedAsync({i}, {name}, {undoName}).ConfigureAwait(false);");
            writer.CloseBlock();
            writer.WriteLine("else");
            writer.OpenBlock();
            writer.WriteLine("// Kept, never lost: in the exception, and in the log as the run's dead letter.");
            writer.WriteLine($"{Telemetry}.CompensationFailed({saga.Name}, {name}, {undoName}, undoError, logger);");
            writer.WriteLine($"(failures ??= new()).Add(new {Sagas}.SagaCompensationFailure({name}, {undoName}, undoError));");
            writer.WriteLine($"if (log is not null) await log.CompensationFailedAsync({i}, {name}, {undoName}, undoError).ConfigureAwait(false);");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"if (log is not null) await log.FinishedAsync(failures is null && (resumed is null || resumed.CompensationFailures.Count == 0) ? {Sagas}.SagaStatus.Compensated : {Sagas}.SagaStatus.CompensationFailed).ConfigureAwait(false);");
        writer.WriteLine($"{Telemetry}.Failed(activity, {saga.Name}, failed, error, failures?.Count ?? 0, pastPivot: false, started, logger);");
        writer.WriteLine($"throw new {Sagas}.SagaExecutionException({saga.Name}, failed, error, failures);");
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string StepPolicy(int index) => $"__patternsGenStepPolicy{index + 1}";

    private static string UndoPolicy(int index) => $"__patternsGenUndoPolicy{index + 1}";

    private static string Policy(SagaText saga, string method, int attempts, SagaStepPolicy policy, int timeout) =>
        $"{Sagas}.SagaPolicies.Create({saga.Name}, {Literal(method)}, {attempts}, {policy.RetryDelayMilliseconds}, {timeout}, {saga.Time}, logger)";

    /// <summary>A pipeline takes ValueTask-returning actions: a Task is wrapped, a ValueTask passed as is.</summary>
    private static string Wrap(bool isValueTask, TypeRef? result, string call) =>
        isValueTask ? call
        : result is null ? $"new global::System.Threading.Tasks.ValueTask({call})"
        : $"new global::System.Threading.Tasks.ValueTask<{result.FullyQualifiedName}>({call})";

    /// <summary>The model's pieces as the emitted code spells them.</summary>
    private sealed class SagaText(SagaModel model)
    {
        public SagaModel Model { get; } = model;

        public List<SagaStepModel> Steps { get; } = model.Steps.ToList();

        /// <summary>The pivot's index; -1 when every step can be undone.</summary>
        public int Pivot => Steps.FindIndex(static s => s.IsPivot);

        public string Name { get; } = Literal(model.Name);

        public string Context => Model.Context.FullyQualifiedName;

        public string ContextCref => Model.Context.FullyQualifiedName.Replace('<', '{').Replace('>', '}');

        public string Logger => Model.Logger is { } member ? "this." + Identifiers.Escape(member) : "null";

        public string Time => Model.TimeProvider is { } clock ? "this." + Identifiers.Escape(clock) : "null";
    }
}
