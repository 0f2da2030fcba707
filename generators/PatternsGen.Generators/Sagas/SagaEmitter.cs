using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using PatternsGen.Generators.Sagas.Model;
using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas;

/// <summary>
/// <see cref="SagaModel"/> → the saga's definition (its steps in order, as data), its <c>ExecuteAsync</c> (and, with a
/// saga log, <c>ResumeAsync</c>), and the two switches through which the runtime's <c>SagaRunner</c> calls its steps
/// and compensations. Ordering, compensation, retries, telemetry and the log live in the runner. Pure text.
/// </summary>
internal static class SagaEmitter
{
    private const string Sagas = "global::PatternsGen.Sagas";
    private const string Runner = Sagas + ".SagaRunner";
    private const string Results = Sagas + ".SagaStepResults";
    private const string Definition = "__sagaDefinition";

    public static string Emit(SagaModel model)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var context = model.Context.FullyQualifiedName;
        var saga = $"{Sagas}.ISaga<{context}>";
        model.Hierarchy.WriteOpen(writer, " : " + saga);

        WriteDefinition(writer, model);
        writer.WriteLine();
        WriteEntryPoints(writer, model);
        writer.WriteLine();
        writer.WriteLine($$"""
            {{GeneratedCode.Attribute}}
            {{Sagas}}.SagaDefinition {{saga}}.Definition => {{Definition}};

            {{GeneratedCode.Attribute}}
            global::System.Threading.Tasks.ValueTask<object?> {{saga}}.RunStepAsync(int step, {{context}} context, global::System.Threading.CancellationToken ct) => step switch
            {
            """);
        writer.Indentation++;
        for (var i = 0; i < model.Steps.Count; i++)
        {
            var step = model.Steps[i];
            writer.WriteLine($"{i} => {Results}.{(step.Result is null ? "None" : "Of")}({Identifiers.Escape(step.Method)}(context, ct)),");
        }

        writer.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(step)),");
        writer.Indentation--;
        writer.WriteLine("};");
        writer.WriteLine();
        WriteCompensations(writer, model, saga, context);
        WriteMember(writer, "global::Microsoft.Extensions.Logging.ILogger?", saga, "Logger", model.Logger);
        WriteMember(writer, "global::System.TimeProvider?", saga, "TimeProvider", model.TimeProvider);
        WriteMember(writer, $"{Sagas}.SagaLog?", saga, "Log", model.Log);
        model.Hierarchy.WriteClose(writer);
        return writer.ToString();
    }

    /// <summary>The steps in order, each with what its attribute set: the summary a reader looks for first.</summary>
    private static void WriteDefinition(SourceWriter writer, SagaModel model)
    {
        writer.WriteLine($"private static readonly {Sagas}.SagaDefinition {Definition} = new({Literal(model.Name)},");
        writer.Indentation++;
        for (var i = 0; i < model.Steps.Count; i++)
        {
            var step = model.Steps[i];
            var settings = new List<string>();
            if (step.Result is { } result)
            {
                settings.Add($"Result = typeof({result.FullyQualifiedName})");
            }

            if (step.Compensation is { } undo)
            {
                settings.Add($"Compensation = {Literal(undo)}");
            }

            if (step.IsPivot)
            {
                settings.Add("Pivot = true");
            }

            if (step.NothingToUndo)
            {
                settings.Add("NothingToUndo = true");
            }

            var policy = step.Policy;
            if (policy.MaxAttempts != SagaStepSettings.DefaultMaxAttempts)
            {
                settings.Add($"MaxAttempts = {policy.MaxAttempts}");
            }

            if (policy.TimeoutMilliseconds != SagaStepSettings.DefaultTimeoutMilliseconds)
            {
                settings.Add($"TimeoutMilliseconds = {policy.TimeoutMilliseconds}");
            }

            if (step.Compensation is not null && policy.CompensationAttempts != SagaStepSettings.DefaultCompensationAttempts)
            {
                settings.Add($"CompensationAttempts = {policy.CompensationAttempts}");
            }

            if (policy.RetryDelayMilliseconds != SagaStepSettings.DefaultRetryDelayMilliseconds)
            {
                settings.Add($"RetryDelayMilliseconds = {policy.RetryDelayMilliseconds}");
            }

            var initializer = settings.Count == 0 ? "" : " { " + string.Join(", ", settings) + " }";
            // A lone argument to a params parameter is first tried as the array itself, and `new(...)` would be typed
            // as that array: a one-step saga names the step's type.
            var type = model.Steps.Count == 1 ? $" {Sagas}.SagaStepDefinition" : "";
            writer.WriteLine($"new{type}({Literal(step.Method)}){initializer}{(i < model.Steps.Count - 1 ? "," : ");")}");
        }

        writer.Indentation--;
    }

    private static void WriteEntryPoints(SourceWriter writer, SagaModel model)
    {
        var context = model.Context.FullyQualifiedName;
        var logged = model.Log is not null;
        writer.WriteLine($$"""
            /// <summary>
            /// Runs the steps in order: {{string.Join(" → ", model.Steps.Select(static s => s.Method))}}. When one fails (or <paramref name="ct"/>
            /// is cancelled) before the pivot, the completed steps are compensated newest first, each given its own
            /// step's result and a token that is not cancelled; then a <see cref="{{Sagas}}.SagaExecutionException"/> names the step.
            /// </summary>
            """);
        if (logged)
        {
            writer.WriteLine($"/// <remarks>Recorded in <c>{model.Log}</c> under a new saga id when it is set.</remarks>");
        }

        writer.WriteLine($$"""
            /// <exception cref="{{Sagas}}.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task ExecuteAsync({{context}} context, global::System.Threading.CancellationToken ct = default) =>
                {{Runner}}.ExecuteAsync(this, context, ct);
            """);
        if (!logged)
        {
            return;
        }

        var contextCref = context.Replace('<', '{').Replace('>', '}');
        writer.WriteLine($$"""

            /// <summary>Runs the saga as <see cref="ExecuteAsync({{contextCref}}, global::System.Threading.CancellationToken)"/> does, recording the run under <paramref name="sagaId"/> in <c>{{model.Log}}</c> (when it is set).</summary>
            /// <exception cref="{{Sagas}}.SagaExecutionException">A step failed; <c>InnerException</c> is its error.</exception>
            /// <exception cref="{{Sagas}}.SagaLogException">The log could not be written; the run stopped where it was, for <see cref="ResumeAsync"/>.</exception>
            /// <exception cref="global::System.InvalidOperationException">A run with this id exists already.</exception>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task ExecuteAsync(string sagaId, {{context}} context, global::System.Threading.CancellationToken ct = default) =>
                {{Runner}}.ExecuteAsync(this, sagaId, context, ct);

            /// <summary>
            /// Continues run <paramref name="sagaId"/> from its log after a crash: forward from the first step not recorded
            /// as completed, or on with the compensations not recorded as done. A step or compensation interrupted by the
            /// crash runs again; one recorded as done never does. A finished run is left as it is.
            /// </summary>
            /// <returns>Where the run stands now; <see cref="{{Sagas}}.SagaStatus.Stalled"/> when a step after the pivot still fails.</returns>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task<{{Sagas}}.SagaStatus> ResumeAsync(string sagaId, global::System.Threading.CancellationToken ct = default) =>
                {{Runner}}.ResumeAsync(this, sagaId, ct);

            /// <summary>Resumes every run of this saga its log holds as running, compensating or stalled (at start-up, after a crash).</summary>
            /// <returns>Each resumed run and where it stands now.</returns>
            {{GeneratedCode.Attribute}}
            public global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<{{Sagas}}.SagaSummary>> ResumeUnfinishedAsync(global::System.Threading.CancellationToken ct = default) =>
                {{Runner}}.ResumeUnfinishedAsync(this, ct);
            """);
    }

    private static void WriteCompensations(SourceWriter writer, SagaModel model, string saga, string context)
    {
        var signature = $"global::System.Threading.Tasks.ValueTask {saga}.CompensateAsync(int step, {context} context, object? result, global::System.Threading.CancellationToken ct)";
        writer.WriteLine(GeneratedCode.Attribute);
        if (model.Steps.All(static s => s.Compensation is null))
        {
            writer.WriteLine($"{signature} =>");
            writer.WriteLine("    throw new global::System.ArgumentOutOfRangeException(nameof(step));");
            return;
        }

        writer.WriteLine($"{signature} => step switch");
        writer.OpenBlock();
        for (var i = 0; i < model.Steps.Count; i++)
        {
            var step = model.Steps[i];
            if (step.Compensation is not { } undo)
            {
                continue;
            }

            var arguments = step.Result is { } result ? $"context, ({result.FullyQualifiedName})result!, ct" : "context, ct";
            var call = $"{Identifiers.Escape(undo)}({arguments})";
            writer.WriteLine($"{i} => {(step.CompensationReturnsValueTask ? call : $"{Results}.Done({call})")},");
        }

        writer.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(step)),");
        writer.CloseBlock(";");
    }

    /// <summary>A member of the saga the runner reads (its logger, clock or log), when the saga has one.</summary>
    private static void WriteMember(SourceWriter writer, string type, string saga, string property, string? member)
    {
        if (member is not null)
        {
            writer.WriteLine();
            writer.WriteLine(GeneratedCode.Attribute);
            writer.WriteLine($"{type} {saga}.{property} => this.{Identifiers.Escape(member)};");
        }
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
