using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Sagas.Model;

/// <summary>Everything the emitter needs to write one saga's orchestrator.</summary>
/// <remarks>Must stay immutable and structurally equal, with no symbols or syntax: incremental caching compares it.</remarks>
/// <param name="Logger">An instance field or property of type <c>ILogger</c> the saga logs through; null when it has none.</param>
/// <param name="TimeProvider">An instance field or property of type <c>TimeProvider</c> retries and timeouts wait on; null for the system clock.</param>
/// <param name="Log">An instance field or property of type <c>SagaLog</c> runs are recorded in; null when the saga keeps no log (then no <c>ResumeAsync</c>).</param>
internal sealed record SagaModel(HierarchyInfo Hierarchy, string Name, TypeRef Context, EquatableArray<SagaStepModel> Steps, string? Logger, string? TimeProvider, string? Log);

/// <summary>One step, in execution order.</summary>
/// <param name="Method">The step method's name.</param>
/// <param name="Result">What the step returns; null for <c>Task</c>/<c>ValueTask</c>.</param>
/// <param name="Compensation">The compensation method's name; null when the step has none (a pivot, or a step after it).</param>
/// <param name="IsPivot">The point of no return.</param>
/// <param name="NothingToUndo">The step declared it changes nothing: compensation passes over it, and the log says so.</param>
/// <param name="Policy">Retries and timeout of the step and its compensation.</param>
/// <param name="CompensationReturnsValueTask">The compensation returns a ValueTask (else a Task, which is wrapped).</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record SagaStepModel(string Method, TypeRef? Result, string? Compensation, bool IsPivot, bool NothingToUndo, SagaStepPolicy Policy, bool CompensationReturnsValueTask);

/// <summary>The attribute's retry and timeout settings.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record SagaStepPolicy(int MaxAttempts, int RetryDelayMilliseconds, int TimeoutMilliseconds, int CompensationAttempts);
