using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>Counts ticks per batch; fails on the batch named "poison".</summary>
[Projection(Name = "ticks")]
public partial class TickCounts
{
    public Dictionary<string, int> ByBatch { get; } = [];

    public void Project(Tick tick)
    {
        if (tick.Batch == "poison")
        {
            throw new InvalidOperationException("cannot count poison");
        }

        ByBatch[tick.Batch] = ByBatch.GetValueOrDefault(tick.Batch) + 1;
    }
}

public sealed class SqliteProjectionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_restarted_runner_continues_from_the_checkpoint_kept_in_the_database_and_parked_events_are_kept_there_too()
    {
        var store = new SqliteEventStore(_database.ConnectionString);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [new Tick(1, "a"), new Tick(2, "poison"), new Tick(3, "a")]);
        var options = new ProjectionOptions { Parked = store, Retry = new RetryOptions { MaxAttempts = 2, InitialDelay = TimeSpan.Zero } };
        var first = new TickCounts();
        Assert.Equal(3, await new ProjectionRunner(store, store, [first], options).CatchUpAsync());
        Assert.Equal(2, first.ByBatch["a"]);

        // A new process: a fresh store object and projection on the same file see only what is new.
        await store.AppendAsync("s", 3, [new Tick(4, "b")]);
        var reopened = new SqliteEventStore(_database.ConnectionString);
        var second = new TickCounts();
        Assert.Equal(1, await new ProjectionRunner(reopened, reopened, [second], options).CatchUpAsync());

        Assert.Equal(new Dictionary<string, int> { ["b"] = 1 }, second.ByBatch);
        var parked = Assert.Single(await ((PatternsGen.Messaging.IDeadLetterQueue)reopened).ListAsync());
        Assert.Equal(("projection:ticks", new Tick(2, "poison")), (parked.Handler, parked.Message.Event));
    }

    public void Dispose() => _database.Dispose();
}
