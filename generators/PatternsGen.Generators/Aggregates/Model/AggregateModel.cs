using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Aggregates.Model;

/// <summary>Everything the emitter needs to write one aggregate's members.</summary>
/// <remarks>
/// Must stay immutable and structurally equal, with no symbols or syntax: incremental caching
/// compares it to decide whether the aggregate's file is written again.
/// </remarks>
internal sealed record AggregateModel(
    HierarchyInfo Hierarchy,
    EquatableArray<ApplyMethodModel> ApplyMethods,
    bool CanCreate,
    SnapshotModel? Snapshot);

/// <summary>One <c>Apply(TEvent)</c> method, in the order the apply-switch tests them (most specific type first).</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
/// <param name="EventType">The type the switch case matches.</param>
/// <param name="StoredName">The name the event is registered under; null when the type cannot be stored (abstract, an interface, not nameable).</param>
internal sealed record ApplyMethodModel(TypeRef EventType, string? StoredName);

/// <summary>Snapshot settings of an aggregate whose state can be captured.</summary>
/// <param name="StateType">The type <c>CreateSnapshot</c> returns and <c>RestoreSnapshot</c> takes.</param>
/// <param name="Every">Snapshot each time the version passes a multiple of this.</param>
/// <param name="SchemaVersion">Stored with each snapshot; snapshots of another schema version are ignored.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record SnapshotModel(TypeRef StateType, int Every, int SchemaVersion);
