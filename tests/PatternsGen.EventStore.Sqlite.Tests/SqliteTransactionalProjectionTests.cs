using Microsoft.Data.Sqlite;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>A view in the store's own file, changed in one transaction with its checkpoint: each event counts once.</summary>
public sealed class SqliteTransactionalProjectionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData(true, 1)]   // the failed attempt's row was rolled back with it
    [InlineData(false, 2)]  // checkpointed apart from the view: the retry writes the row again
    public async Task A_projection_that_fails_after_writing_its_view_is_retried_without_a_trace_of_the_failed_attempt(bool transactional, int rowsOfTheFailedEvent)
    {
        var store = new SqliteEventStore(_database.ConnectionString);
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("ticks", ExpectedVersion.Any, [new Tick(i, "b")]);
        }

        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new SqliteCommand("CREATE TABLE tick_view (number INTEGER NOT NULL)", connection);
            await create.ExecuteNonQueryAsync();
        }

        var runner = new ProjectionRunner(store, store, [new TickView(_database.ConnectionString, failOnceAt: 3)], new ProjectionOptions
        {
            Transactional = transactional,
            Retry = new RetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = false },
        });

        Assert.Equal(5, await runner.CatchUpAsync());

        await using var read = new SqliteConnection(_database.ConnectionString);
        await read.OpenAsync();
        await using var count = new SqliteCommand("SELECT number, COUNT(*) FROM tick_view GROUP BY number ORDER BY number", read);
        await using var rows = await count.ExecuteReaderAsync();
        var counts = new Dictionary<long, long>();
        while (await rows.ReadAsync())
        {
            counts[rows.GetInt64(0)] = rows.GetInt64(1);
        }

        Assert.Equal(new Dictionary<long, long> { [1] = 1, [2] = 1, [3] = rowsOfTheFailedEvent, [4] = 1, [5] = 1 }, counts);
        Assert.Equal(5, await ((ICheckpointStore)store).GetAsync(TickView.Name));
    }

    [Fact]
    public void Transactional_projections_need_checkpoints_in_the_views_database()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionRunner(
            new InMemoryEventStore(), new InMemoryCheckpointStore(), [], new ProjectionOptions { Transactional = true }));
        Assert.Contains("ITransactionalCheckpointStore", error.Message);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Inserts a row per tick; the first attempt at tick <paramref name="failOnceAt"/> throws after its insert.</summary>
    private sealed class TickView(string connectionString, int failOnceAt) : IProjection
    {
        public const string Name = "tick-view";
        private bool _failed;

        public string ProjectionName => Name;

        public async ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct)
        {
            var tick = (Tick)recorded.Data;
            var transaction = SqliteEventStore.ProjectionTransaction;
            await using var own = transaction is null ? new SqliteConnection(connectionString) : null;
            if (own is not null)
            {
                await own.OpenAsync(ct);
            }

            await using var insert = (transaction?.Connection ?? own!).CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO tick_view (number) VALUES ($n)";
            insert.Parameters.AddWithValue("$n", tick.Number);
            await insert.ExecuteNonQueryAsync(ct);
            if (tick.Number == failOnceAt && !_failed)
            {
                _failed = true;
                throw new InvalidOperationException("the view's next statement failed");
            }
        }

        public ValueTask ResetAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
