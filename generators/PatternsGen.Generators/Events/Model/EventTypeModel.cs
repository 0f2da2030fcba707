using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Events.Model;

/// <summary>One event type to register, under the name the stores keep.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record EventTypeModel(TypeRef Type, string Name);

/// <summary>Every event type of the compilation, ordered by type name, each once.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record EventRegistryModel(EquatableArray<EventTypeModel> EventTypes);
