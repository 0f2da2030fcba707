using System.Data.Common;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;
using PatternsGen.Resilience;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>In a database schema of its own, dropped afterwards.</summary>
public sealed class PostgresTransactionalProjectionTests : TransactionalProjectionContractTests, IAsyncLifetime
{
    private readonly string _schema = "views_" + Guid.NewGuid().ToString("N");
    private PostgresEventStore? _store;

    protected override string Table => $"\"{_schema}\".tick_view";

    protected override DbTransaction? ProjectionTransaction => PostgresEventStore.ProjectionTransaction;

    protected override Task<ITransactionalCheckpointStore> CreateStoreAsync()
    {
        _store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        return Task.FromResult<ITransactionalCheckpointStore>(_store);
    }

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgresServer.ConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    [SkippableFact]
    public async Task Writes_queued_on_the_projection_batch_commit_with_the_checkpoint_and_one_that_fails_parks_only_its_event()
    {
        var store = (PostgresEventStore)await CreateStoreAsync();
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("ticks", ExpectedVersion.Any, [new Tick(i, "b")]);
        }

        await using var db = await OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE TABLE {Table} (number integer NOT NULL CHECK (number <> 3))", (NpgsqlConnection)db))
        {
            await create.ExecuteNonQueryAsync();
        }

        var options = new ProjectionOptions { Transactional = true, Retry = new RetryOptions { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = false } };
        var runner = new ProjectionRunner(store, store, [new QueuedView(Table)], options);

        Assert.Equal(5, await runner.CatchUpAsync());

        await using var rows = new NpgsqlCommand($"SELECT array_agg(number ORDER BY number) FROM {Table}", (NpgsqlConnection)db);
        var numbers = (int[])(await rows.ExecuteScalarAsync())!;
        Assert.Equal(new[] { 1, 2, 4, 5 }, numbers); // the batch with 3 was rolled back, then each went alone
        Assert.Equal(3, ((Tick)Assert.Single(await options.Parked.ListAsync()).Message.Event).Number);
        Assert.Equal(5, await ((ICheckpointStore)store).GetAsync(QueuedView.Name));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    /// <summary>Queues an insert per tick on the projection's batch; the table refuses tick 3 when the batch runs, at commit.</summary>
    private sealed class QueuedView(string table) : IProjection
    {
        public const string Name = "queued-view";

        public string ProjectionName => Name;

        public ValueTask ProjectAsync(RecordedEvent recorded, CancellationToken ct)
        {
            var insert = new NpgsqlBatchCommand($"INSERT INTO {table} (number) VALUES ($1)");
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ((Tick)recorded.Data).Number });
            PostgresEventStore.ProjectionBatch!.BatchCommands.Add(insert);
            return default;
        }

        public ValueTask ResetAsync(CancellationToken ct) => throw new NotSupportedException();
    }
}
