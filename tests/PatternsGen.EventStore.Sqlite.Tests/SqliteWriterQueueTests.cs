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

    [Fact]
    public async Task Writes_that_queue_behind_one_commit_together_and_one_that_fails_fails_alone()
    {
        var store = new SqliteEventStore(_database.ConnectionString);
        await store.AppendAsync("taken", ExpectedVersion.NoStream, [new Written(0, 0)]);
        var hold = await HoldTheFileAsync(store);

        // Queued while the file is held, so they are taken together.
        var first = store.AppendAsync("s", ExpectedVersion.NoStream, [new Written(1, 1)]).AsTask();
        var conflict = store.AppendAsync("taken", ExpectedVersion.NoStream, [new Written(2, 2)]).AsTask();
        var second = store.AppendAsync("s", 1, [new Written(1, 2), new Written(1, 3)]).AsTask();
        var checkpoint = ((ICheckpointStore)store).SetAsync("reader", 7).AsTask();
        await hold.ReleaseAsync();

        Assert.Equal(1, await first);
        Assert.Equal(3, await second);
        await checkpoint;
        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => conflict);
        Assert.Equal(1, error.ActualVersion);
        Assert.Equal([1L, 2L, 3L], await Versions(store, "s"));
        Assert.Equal([1L], await Versions(store, "taken"));
        Assert.Equal(7, await ((ICheckpointStore)store).GetAsync("reader"));
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_the_file_is_never_run()
    {
        var store = new SqliteEventStore(_database.ConnectionString);
        var hold = await HoldTheFileAsync(store);

        using var cancel = new CancellationTokenSource();
        var cancelled = store.AppendAsync("s", ExpectedVersion.NoStream, [new Written(1, 1)], cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await hold.ReleaseAsync();

        // Writes run in the order they queued: once a later one is done, the cancelled one would have run.
        Assert.Equal(1, await store.AppendAsync("s", ExpectedVersion.NoStream, [new Written(1, 2)]));
        Assert.Equal([1L], await Versions(store, "s"));
    }

    [Fact]
    public async Task A_queued_write_runs_in_its_own_callers_context()
    {
        // A projection's Project method runs inside the store's write: it must see its own activity and async locals,
        // not those of whichever writer happened to be committing.
        var store = new SqliteEventStore(_database.ConnectionString);
        var hold = await HoldTheFileAsync(store);

        // Each call has queued its write when it returns.
        var seen = new string?[3];
        var writes = new Task[3];
        for (var i = 0; i < 3; i++)
        {
            var index = i;
            Caller.Value = $"caller-{index}";
            writes[index] = ((ITransactionalCheckpointStore)store).RunAndCheckpointAsync($"view-{index}", 1, _ =>
            {
                seen[index] = Caller.Value;
                return ValueTask.CompletedTask;
            });
        }

        Caller.Value = null;
        await hold.ReleaseAsync();
        await Task.WhenAll(writes);
        Assert.Equal(new[] { "caller-0", "caller-1", "caller-2" }, seen.Select(static s => s ?? "(none)"));
    }

    private static readonly AsyncLocal<string?> Caller = new();

    /// <summary>Takes the store's write turn (a transactional checkpoint whose work waits) and keeps it until released.</summary>
    private static async Task<FileHold> HoldTheFileAsync(SqliteEventStore store)
    {
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = ((ITransactionalCheckpointStore)store).RunAndCheckpointAsync("holder", 1, async _ =>
        {
            holding.SetResult();
            await release.Task;
        });
        await holding.Task;
        return new FileHold(release, holder);
    }

    private sealed class FileHold(TaskCompletionSource release, Task holder)
    {
        /// <summary>Lets the holder's write commit, and with it whatever queued behind it.</summary>
        public async Task ReleaseAsync()
        {
            release.SetResult();
            await holder;
        }
    }

    private static async Task<List<long>> Versions(SqliteEventStore store, string stream)
    {
        var versions = new List<long>();
        await foreach (var e in store.ReadStreamAsync(stream))
        {
            versions.Add(e.Version);
        }

        return versions;
    }

    [Event("test.written")]
    public sealed record Written(int Writer, int Index);
}
