using PatternsGen.Roslyn;

namespace PatternsGen.Generators.Projections.Model;

/// <summary>A <c>[Projection]</c> class: what its <c>IProjection</c> implementation is written from.</summary>
/// <param name="Hierarchy">Where the generated part goes.</param>
/// <param name="Name">The checkpoint name.</param>
/// <param name="Methods">Its callable <c>Project</c> methods, most specific event type first.</param>
/// <param name="Reset">What its <c>ResetAsync(CancellationToken)</c> returns; null when it has none.</param>
/// <remarks>Must stay immutable and structurally equal, with no symbols or syntax: incremental caching compares it.</remarks>
internal sealed record ProjectionModel(HierarchyInfo Hierarchy, string Name, EquatableArray<ProjectionMethodModel> Methods, HandlerReturn? Reset);

/// <summary>One <c>Project</c> method.</summary>
/// <remarks>Must stay immutable and structurally equal: incremental caching compares it.</remarks>
internal sealed record ProjectionMethodModel(TypeRef EventType, HandlerParameters Parameters, HandlerReturn Returns);
