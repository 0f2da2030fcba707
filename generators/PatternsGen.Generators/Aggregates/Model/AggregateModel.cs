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
    bool CanCreate);

/// <summary>One <c>Apply(TEvent)</c> method, in the order the apply-switch tests them (most specific type first).</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record ApplyMethodModel(TypeRef EventType);
