using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>Each test in its own database schema, dropped afterwards.</summary>
public sealed class PostgresEventStoreContractTests : EventStoreContractTests, IAsyncLifetime
{
    private readonly string _schema = "contract_" + Guid.NewGuid().ToString("N");
    private PostgresEventStore? _store;

    protected override Task<IEventStore> CreateStoreAsync(EventStoreOptions options)
    {
        _store = new PostgresEventStore(PostgresServer.ConnectionString(), options, _schema);
        return Task.FromResult<IEventStore>(_store);
    }

    [SkippableFact]
    public async Task A_database_made_before_events_kept_their_trace_context_gets_the_column_on_first_use()
    {
        await using (var first = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema))
        {
            await first.AppendAsync("old", ExpectedVersion.NoStream, [new Deposited(5m)]);
        }

        await using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"ALTER TABLE \"{_schema}\".patternsgen_events DROP COLUMN trace_parent", connection);
            await drop.ExecuteNonQueryAsync();
        }

        _store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        await AssertUpgradedFromBeforeTraceContextAsync(_store);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is null)
        {
            return;
        }

        await _store.DisposeAsync();
        await PostgresServer.DropSchemaAsync(_schema);
    }
}
