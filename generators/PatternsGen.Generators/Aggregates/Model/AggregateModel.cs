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
/// <param name="EventType">The type the case matches.</param>
/// <param name="Match">How: by exact type (sealed classes, structs), or by a type pattern (bases, interfaces, object).</param>
internal sealed record ApplyMethodModel(TypeRef EventType, ApplyMatch Match);

/// <summary>How the apply-switch recognises an event type.</summary>
internal enum ApplyMatch
{
    /// <summary>A sealed class: nothing derives from it, so one compare of the event's exact type decides.</summary>
    ExactClass,

    /// <summary>A struct, compared by exact type like a sealed class, then unboxed.</summary>
    ExactStruct,

    /// <summary>A base class, an interface or <c>object</c>: a type pattern, which also matches derived types.</summary>
    Pattern,
}

/// <summary>Snapshot settings of an aggregate whose state can be captured.</summary>
/// <param name="StateType">The type <c>CreateSnapshot</c> returns and <c>RestoreSnapshot</c> takes.</param>
/// <param name="Every">Snapshot each time the version passes a multiple of this.</param>
/// <param name="SchemaVersion">Stored with each snapshot; snapshots of another schema version are ignored.</param>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record SnapshotModel(TypeRef StateType, int Every, int SchemaVersion);
