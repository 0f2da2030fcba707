using PatternsGen.EventSourcing;
using PatternsGen.Messaging;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>
/// Many asynchronous writers of one process on one file, as a service's handlers are. SQLite lets one writer in at
/// a time; Microsoft.Data.Sqlite answers a locked file by sleeping 150 ms and trying again until the command timeout.
/// The store queues its writers in the process and lets SQLite's own busy handler wait for other processes, so none
/// of them sleeps out a collision or runs out of time.
/// </summary>
public sealed class SqliteWriterQueueTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Sixteen_concurrent_writers_through_two_stores_on_one_file_all_succeed_within_a_one_second_lock_timeout()
    {
        // Two instances, the path spelt two ways: one queue per file, not per instance.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _database.Path);
        var stores = new[]
        {
            new SqliteEventStore($"Data Source={_database.Path};Default Timeout=1"),
            new SqliteEventStore($"Data Source={relative};Default Timeout=1"),
        };

        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var store = stores[w % 2];
            for (var i = 0; i < 50; i++)
            {
                await Task.Yield(); // interleave as handlers do between their awaits
                await store.AppendAsync($"stream-{w}", i, [new Written(w, i)]);
                await ((ICheckpointStore)store).SetAsync($"reader-{w}", i + 1);
                await ((IInbox)store).MarkHandledAsync($"handler-{w}", Guid.NewGuid());
                await foreach (var _ in store.ReadAllAsync(Math.Max(0, (i * 16) - 8)))
                {
                }
            }
        }));
        await Task.WhenAll(writers);

        var all = new List<RecordedEvent>();
        await foreach (var e in stores[0].ReadAllAsync())
        {
            all.Add(e);
        }

        Assert.Equal(16 * 50, all.Count);
        Assert.All(Enumerable.Range(0, 16), w => Assert.Equal(
            Enumerable.Range(1, 50).Select(static v => (long)v),
            all.Where(e => e.StreamId == $"stream-{w}").Select(static e => e.Version)));
    }

    [Event("test.written")]
    public sealed record Written(int Writer, int Index);
}
