using System.Collections.Concurrent;
using PatternsGen.EventSourcing;
using PatternsGen.Projections;
using PatternsGen.Runtime.Tests.Messaging;

namespace PatternsGen.Runtime.Tests.Projections;

/// <summary>The versions projected of each stream, in the order projected: safe for shards running side by side.</summary>
[Projection(Name = "stream_log")]
public partial class StreamLog
{
    public ConcurrentDictionary<string, ConcurrentQueue<long>> Versions { get; } = new();

    public int Resets { get; private set; }

    public Task Project(object e, RecordedEvent recorded, CancellationToken ct)
    {
        Versions.GetOrAdd(recorded.StreamId, _ => new()).Enqueue(recorded.Version);
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken ct)
    {
        Versions.Clear();
        Resets++;
        return Task.CompletedTask;
    }
}

/// <summary>Stops its run on the first event it is given, as a host that stops or an instance that hands the shard over does.</summary>
[Projection(Name = "stopping_log")]
public partial class StopOnFirst
{
    public CancellationTokenSource Stop { get; } = new();

    public void Project(object e, CancellationToken ct)
    {
        Stop.Cancel();
        ct.ThrowIfCancellationRequested();
    }
}

public sealed class ProjectionShardTests
{
    private readonly InMemoryEventStore _store = new();
    private readonly InMemoryCheckpointStore _checkpoints = new();

    [Fact]
    public async Task Shards_split_the_streams_between_them_and_together_project_each_event_once_in_stream_order()
    {
        await AppendAsync(streams: 40, eventsEach: 3);
        var log = new StreamLog();
        var shards = ProjectionShard.Split(log, 4);
        var runner = new ProjectionRunner(_store, _checkpoints, shards, new ProjectionOptions { CheckpointEvery = 7 });

        Assert.Equal(120, await runner.CatchUpAsync());

        Assert.Equal(40, log.Versions.Count);
        Assert.All(log.Versions.Values, versions => Assert.Equal([1L, 2L, 3L], versions));
        foreach (var shard in shards)
        {
            Assert.Equal(120, await _checkpoints.GetAsync(shard.ProjectionName)); // past the other shards' events too
        }

        var sizes = shards.Select(shard => log.Versions.Keys.Count(shard.Owns)).ToList();
        Assert.Equal(40, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 4, 16)); // spread, not all on one
    }

    [Fact]
    public void A_stream_falls_in_the_same_shard_in_every_process()
    {
        // Pinned values: a shard chosen by string.GetHashCode would differ between processes and fail here.
        Assert.Equal([1, 0, 3, 2], new[] { "order-1", "order-2", "order-3", "customer-42" }.Select(id => ProjectionShard.Of(id, 4)));
        Assert.Equal(0, ProjectionShard.Of("anything", 1));
        Assert.Equal("stream_log:shard-2/4", new ProjectionShard(new StreamLog(), 2, 4).ProjectionName);
    }

    [Fact]
    public async Task Rebuilding_by_the_whole_name_empties_the_view_once_and_rebuilds_every_shard()
    {
        await AppendAsync(streams: 10, eventsEach: 2);
        var log = new StreamLog();
        var shards = ProjectionShard.Split(log, 3);
        var runner = new ProjectionRunner(_store, _checkpoints, shards);
        await runner.CatchUpAsync();
        log.Versions["stale"] = new([99]);

        Assert.Equal(20, await runner.RebuildAsync("stream_log"));

        Assert.Equal(1, log.Resets);
        Assert.Equal(10, log.Versions.Count);
        Assert.DoesNotContain("stale", log.Versions.Keys);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => shards[0].ResetAsync(default).AsTask());
        Assert.Contains("rebuild 'stream_log'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transactional_shard_commits_its_events_in_batches_with_a_checkpoint_past_the_ones_it_passed_over()
    {
        await AppendAsync(streams: 30, eventsEach: 1);
        var checkpoints = new CountingTransactionalCheckpoints();
        var shard = new ProjectionShard(new StreamLog(), (ProjectionShard.Of("order-29", 3) + 1) % 3, 3); // the pass ends on another shard's event
        var runner = new ProjectionRunner(_store, checkpoints, [shard], new ProjectionOptions { Transactional = true, CheckpointEvery = 1000 });

        await runner.CatchUpAsync();

        Assert.Equal(30, await checkpoints.GetAsync(shard.ProjectionName)); // a second pass does not read them all again
        Assert.Equal(1, checkpoints.Committed); // its events and the others' between them: one transaction, up to CheckpointEvery
        Assert.Equal(Enumerable.Range(0, 30).Count(i => shard.Owns($"order-{i}")), ((StreamLog)shard.Whole).Versions.Count);
    }

    [Fact]
    public async Task A_shard_stopped_on_its_own_event_never_saves_a_checkpoint_at_or_past_it()
    {
        await AppendAsync(streams: 10, eventsEach: 1);
        var projection = new StopOnFirst();
        var shard = new ProjectionShard(projection, 1, 2);
        var first = Enumerable.Range(0, 10).First(i => i > 0 && shard.Owns($"order-{i}") && !shard.Owns($"order-{i - 1}"));
        Assert.False(shard.Owns($"order-{first - 1}"));
        var checkpoints = new CountingTransactionalCheckpoints();
        await checkpoints.SetAsync(shard.ProjectionName, first - 1); // resumes just before one it passes over
        var runner = new ProjectionRunner(_store, checkpoints, [shard], new ProjectionOptions { Transactional = true });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CatchUpAsync(projection.Stop.Token));

        // order-{first} (position first + 1) comes again, and the event passed over just before it, which waited on its batch.
        Assert.Equal(first - 1, await checkpoints.GetAsync(shard.ProjectionName));
    }

    [Fact]
    public void Bad_shapes_are_refused_with_what_is_wrong()
    {
        var log = new StreamLog();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionShard(log, 4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProjectionShard(log, -1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionShard.Split(log, 0));
        var error = Assert.Throws<ArgumentException>(() => new ProjectionShard(new ProjectionShard(log, 0, 2), 0, 2));
        Assert.Contains("cannot be split again", error.Message, StringComparison.Ordinal);
    }

    private async Task AppendAsync(int streams, int eventsEach)
    {
        for (var i = 0; i < streams; i++)
        {
            var id = $"order-{i}";
            await _store.AppendAsync(id, ExpectedVersion.NoStream, Enumerable.Range(0, eventsEach).Select(_ => (object)new OrderPlaced(id, 1)).ToList());
        }
    }

    private sealed class CountingTransactionalCheckpoints : ITransactionalCheckpointStore
    {
        private readonly InMemoryCheckpointStore _inner = new();

        public int Committed { get; private set; }

        public int Set { get; private set; }

        public ValueTask<long> GetAsync(string name, CancellationToken ct = default) => _inner.GetAsync(name, ct);

        public ValueTask SetAsync(string name, long position, CancellationToken ct = default)
        {
            Set++;
            return _inner.SetAsync(name, position, ct);
        }

        public async Task RunAndCheckpointAsync(string name, long position, Func<CancellationToken, ValueTask> work, CancellationToken ct = default)
        {
            await work(ct);
            Committed++;
            await _inner.SetAsync(name, position, ct);
        }
    }
}
