using System.Text.Json.Serialization;

namespace PatternsGen.Sagas;

/// <summary>The saga log records' JSON contract, fixed by the runtime so it holds under Native AOT.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(SagaStarted))]
[JsonSerializable(typeof(SagaClaimed))]
[JsonSerializable(typeof(SagaStepCompleted))]
[JsonSerializable(typeof(SagaStepFailed))]
[JsonSerializable(typeof(SagaStepCompensated))]
[JsonSerializable(typeof(SagaStepHadNothingToUndo))]
[JsonSerializable(typeof(SagaCompensationFailed))]
[JsonSerializable(typeof(SagaFinished))]
internal sealed partial class SagaLogJsonContext : JsonSerializerContext;
