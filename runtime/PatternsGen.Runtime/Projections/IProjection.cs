using PatternsGen.EventSourcing;

namespace PatternsGen.Projections;

/// <summary>
/// A read model fed from the global stream. PatternsGen implements it for every <c>[Projection] partial class</c>:
/// <see cref="ProjectAsync"/> is a generated type switch over its <c>Project</c> methods.
/// </summary>
public interface IProjection
{
    /// <summary>The name its checkpoint is kept under (<c>[Projection(Name = ...)]</c>, else the class's full name).</summary>
    string ProjectionName { get; }

    /// <summary>Projects one event; an event of a type it has no <c>Project</c> method for is passed over.</summary>
    ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct);

    /// <summary>Empties the read model before a rebuild (its <c>ResetAsync</c> method).</summary>
    /// <exception cref="NotSupportedException">The projection has no <c>ResetAsync</c> method.</exception>
    ValueTask ResetAsync(CancellationToken ct) =>
        throw new NotSupportedException($"Projection '{ProjectionName}' has no ResetAsync(CancellationToken) to empty it before a rebuild.");
}
