using System.Text.Json;

namespace PatternsGen.Sagas;

// What a SagaLog writes to a saga's stream. Public because they are ordinary stored events: a
// projection reading ReadAllAsync meets them. Their JSON contract is the runtime's own
// (SagaLogJsonContext), so they store and load under Native AOT whatever options the application uses.

/// <summary>A saga was started with this context. Always the first record of a saga's stream.</summary>
/// <param name="Saga">The saga class's name.</param>
/// <param name="SagaId">The id it runs under.</param>
/// <param name="Context">The context passed to <c>ExecuteAsync</c>, as JSON.</param>
/// <param name="Owner">The service instance that runs it (<see cref="Coordination.ServiceInstance.Id"/>); null in logs written before owners were kept.</param>
public sealed record SagaStarted(string Saga, string SagaId, JsonElement Context, string? Owner = null);

/// <summary>
/// Another instance took the run over from its owner, which had gone. The claim is appended at the version the claimer
/// read, so the old owner's next record, expecting that same version, is refused: it stops, and only the new owner writes.
/// </summary>
/// <param name="Owner">The instance that runs it from here on.</param>
/// <param name="From">The instance it was taken from.</param>
public sealed record SagaClaimed(string Owner, string? From);

/// <summary>A step completed; <paramref name="Result"/> is what its compensation will be given.</summary>
/// <param name="Index">The step's position in execution order, from 0.</param>
/// <param name="Step">The step method.</param>
/// <param name="Result">The step's result as JSON; null when the step returns none.</param>
public sealed record SagaStepCompleted(int Index, string Step, JsonElement? Result);

/// <summary>A step failed after its attempts (or the saga was cancelled while it ran).</summary>
/// <param name="Index">The step's position in execution order, from 0.</param>
/// <param name="Step">The step method.</param>
/// <param name="ErrorType">The exception's type.</param>
/// <param name="Error">The exception's message.</param>
/// <param name="PastPivot">The pivot had completed: the saga goes on forward on resume instead of compensating.</param>
public sealed record SagaStepFailed(int Index, string Step, string ErrorType, string Error, bool PastPivot);

/// <summary>A completed step was compensated.</summary>
/// <param name="Index">The step's position in execution order, from 0.</param>
/// <param name="Step">The step method.</param>
/// <param name="Compensation">The compensation method.</param>
public sealed record SagaStepCompensated(int Index, string Step, string Compensation);

/// <summary>A completed step declared <c>NothingToUndo</c>: compensation passed over it.</summary>
/// <param name="Index">The step's position in execution order, from 0.</param>
/// <param name="Step">The step method.</param>
public sealed record SagaStepHadNothingToUndo(int Index, string Step);

/// <summary>
/// A compensation still failed after its attempts: the saga's dead letter. It is not run again;
/// someone has to undo the step by hand. <see cref="SagaLog.ListAsync"/> finds these sagas.
/// </summary>
/// <param name="Index">The step's position in execution order, from 0.</param>
/// <param name="Step">The step method.</param>
/// <param name="Compensation">The compensation method.</param>
/// <param name="ErrorType">The exception's type.</param>
/// <param name="Error">The exception's message.</param>
public sealed record SagaCompensationFailed(int Index, string Step, string Compensation, string ErrorType, string Error);

/// <summary>The saga ended. Always the last record of a saga's stream.</summary>
/// <param name="Status"><see cref="SagaStatus.Completed"/>, <see cref="SagaStatus.Compensated"/> or <see cref="SagaStatus.CompensationFailed"/>.</param>
public sealed record SagaFinished(SagaStatus Status);
