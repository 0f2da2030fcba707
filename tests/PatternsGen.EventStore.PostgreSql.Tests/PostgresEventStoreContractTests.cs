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

    [SkippableFact]
    public async Task An_append_the_database_refuses_fails_to_its_caller_and_writes_nothing()
    {
        // The insert is the last statement of the append's one round trip: its error must still reach the caller.
        _store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        await _store.AppendAsync("s", ExpectedVersion.NoStream, [new Deposited(1m)]);
        await using (var connection = new NpgsqlConnection(PostgresServer.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var refuse = new NpgsqlCommand(
                $"""
                CREATE FUNCTION "{_schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                CREATE TRIGGER refuse BEFORE INSERT ON "{_schema}".patternsgen_events FOR EACH ROW EXECUTE FUNCTION "{_schema}".refuse();
                """,
                connection);
            await refuse.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<PostgresException>(async () => await _store.AppendAsync("s", 1, [new Deposited(2m), new Deposited(3m)]));
        Assert.Contains("refused", error.MessageText, StringComparison.Ordinal);
        Assert.Single(await _store.ReadStreamAsync("s").ToListAsync());
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
