using Microsoft.Data.Sqlite;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

public sealed class SqliteEventStoreContractTests : EventStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IEventStore> CreateStoreAsync(EventStoreOptions options) =>
        Task.FromResult<IEventStore>(new SqliteEventStore(_database.ConnectionString, options));

    [Fact]
    public async Task A_database_made_before_events_kept_their_trace_context_gets_the_column_on_first_use()
    {
        await new SqliteEventStore(_database.ConnectionString).AppendAsync("old", ExpectedVersion.NoStream, [new Deposited(5m)]);
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE patternsgen_events DROP COLUMN trace_parent";
            await drop.ExecuteNonQueryAsync();
        }

        await AssertUpgradedFromBeforeTraceContextAsync(new SqliteEventStore(_database.ConnectionString));
    }

    public void Dispose() => _database.Dispose();
}
