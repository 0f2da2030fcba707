using PatternsGen.Coordination;
using PatternsGen.EventSourcing;

namespace PatternsGen.Projections;

/// <summary>
/// One of <see cref="Count"/> parts of a projection: the events of the streams whose ids fall in it. Each shard keeps its
/// own checkpoint (<c>{name}:shard-{index}/{count}</c>), so shards run side by side in one runner, or on different
/// instances, and a stream's events still reach the projection in order. The whole projection's <c>Project</c> methods are
/// then called concurrently for different streams: its view must take that (a database, a concurrent collection).
/// </summary>
/// <remarks>
/// A stream's shard depends on <see cref="Count"/>: to change the count, rebuild the projection with the new shards.
/// Every shard reads the whole global stream and passes over the other shards' events (by stream id, before any work), so shards speed up what the
/// projection does with its events, not the reading of them.
/// </remarks>
public sealed class ProjectionShard : IProjection
{
    /// <summary>Shard <paramref name="index"/> (from 0) of <paramref name="count"/> of <paramref name="whole"/>.</summary>
    public ProjectionShard(IProjection whole, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        if (whole is ProjectionShard)
        {
            throw new ArgumentException("A shard cannot be split again; split the whole projection into more shards.", nameof(whole));
        }

        (Whole, Index, Count) = (whole, index, count);
        ProjectionName = $"{whole.ProjectionName}:shard-{index}/{count}";
    }

    /// <summary>All <paramref name="count"/> shards of <paramref name="whole"/>.</summary>
    public static IReadOnlyList<ProjectionShard> Split(IProjection whole, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Enumerable.Range(0, count).Select(i => new ProjectionShard(whole, i, count)).ToList();
    }

    /// <summary>The shard, from 0, that the events of <paramref name="streamId"/> fall in, of <paramref name="count"/>: the same in every process.</summary>
    public static int Of(string streamId, int count)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return StableHash.Bucket(streamId, count);
    }

    /// <summary>The projection this is a part of.</summary>
    public IProjection Whole { get; }

    /// <summary>This shard's number, from 0.</summary>
    public int Index { get; }

    /// <summary>How many shards the projection is split into.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public string ProjectionName { get; }

    /// <summary>Whether the events of <paramref name="streamId"/> fall in this shard.</summary>
    public bool Owns(string streamId) => Of(streamId, Count) == Index;

    /// <inheritdoc />
    public ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct) =>
        Owns(recorded.StreamId) ? Whole.ProjectAsync(recorded, ct) : default;

    /// <summary>Not for one shard: <see cref="ProjectionRunner.RebuildAsync"/> with the whole projection's name empties it once and rebuilds every shard.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public ValueTask ResetAsync(CancellationToken ct) =>
        throw new NotSupportedException($"Shard '{ProjectionName}' is rebuilt with its whole projection: rebuild '{Whole.ProjectionName}'.");
}
