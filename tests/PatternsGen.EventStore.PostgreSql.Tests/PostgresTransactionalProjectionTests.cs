using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>A view in the store's own database, changed in one transaction with its checkpoint: each event counts once.</summary>
public sealed class PostgresTransactionalProjectionTests : IAsyncLifetime
{
    private readonly string _schema = "views_" + Guid.NewGuid().ToString("N");
    private PostgresEventStore? _store;

    public Task InitializeAsync() => Task.CompletedTask;

    [SkippableTheory]
    [InlineData(true, 1)]   // the failed attempt's row was rolled back with it
    [InlineData(false, 2)]  // checkpointed apart from the view: the retry writes the row again
    public async Task A_projection_that_fails_after_writing_its_view_is_retried_without_a_trace_of_the_failed_attempt(bool transactional, int rowsOfTheFailedEvent)
    {
        var connection = PostgresServer.ConnectionString();
        _store = new PostgresEventStore(connection, null, _schema);
        for (var i = 1; i <= 5; i++)
        {
            await _store.AppendAsync("ticks", ExpectedVersion.Any, [new Tick(i, "b")]);
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE \"{_schema}\".tick_view (number integer NOT NULL)", db))
        {
            await create.ExecuteNonQueryAsync();
        }

        var runner = new ProjectionRunner(_store, _store, [new TickView(connection, _schema, failOnceAt: 3)], new ProjectionOptions
        {
            Transactional = transactional,
            Retry = new RetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = false },
        });

        Assert.Equal(5, await runner.CatchUpAsync());

        await using var count = new NpgsqlCommand($"SELECT number, COUNT(*) FROM \"{_schema}\".tick_view GROUP BY number ORDER BY number", db);
        await using var rows = await count.ExecuteReaderAsync();
        var counts = new Dictionary<int, long>();
        while (await rows.ReadAsync())
        {
            counts[rows.GetInt32(0)] = rows.GetInt64(1);
        }

        Assert.Equal(new Dictionary<int, long> { [1] = 1, [2] = 1, [3] = rowsOfTheFailedEvent, [4] = 1, [5] = 1 }, counts);
        Assert.Equal(5, await ((ICheckpointStore)_store).GetAsync(TickView.Name));
    }

    public async Task DisposeAsync()
    {
        if (_store is null)
        {
            return;
        }

        await _store.DisposeAsync();
        await using var db = new NpgsqlConnection(PostgresServer.ConnectionString());
        await db.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", db);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Inserts a row per tick; the first attempt at tick <paramref name="failOnceAt"/> throws after its insert.</summary>
    private sealed class TickView(string connectionString, string schema, int failOnceAt) : IProjection
    {
        public const string Name = "tick-view";
        private bool _failed;

        public string ProjectionName => Name;

        public async ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct)
        {
            var tick = (Tick)recorded.Data;
            var transaction = PostgresEventStore.ProjectionTransaction;
            await using var own = transaction is null ? new NpgsqlConnection(connectionString) : null;
            if (own is not null)
            {
                await own.OpenAsync(ct);
            }

            await using var insert = new NpgsqlCommand($"INSERT INTO \"{schema}\".tick_view (number) VALUES ($1)", transaction?.Connection ?? own, transaction);
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tick.Number });
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
