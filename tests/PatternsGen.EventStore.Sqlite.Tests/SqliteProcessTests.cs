using Microsoft.Data.Sqlite;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

public sealed class SqliteProcessTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_writer_killed_with_SIGKILL_mid_append_leaves_no_torn_batch_in_20_trials()
    {
        await ProcessTrials.KillDuringAppendsAsync(new SqliteEventStore(_database.ConnectionString), "sqlite", _database.ConnectionString, "-", trials: 20);

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var check = new SqliteCommand("PRAGMA integrity_check", connection);
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Writers_in_four_processes_all_succeed_and_never_see_database_is_locked() =>
        await ProcessTrials.WritersInSeveralProcessesAsync(new SqliteEventStore(_database.ConnectionString), "sqlite", _database.ConnectionString, "-");

    [Fact]
    public async Task Sagas_killed_with_SIGKILL_at_random_points_all_end_completed_or_fully_compensated_after_resume()
    {
        var ledger = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_database.Path)!, "effects.log");
        await ProcessTrials.KillDuringSagasAsync(new SqliteEventStore(_database.ConnectionString), "sqlite", _database.ConnectionString, "-", ledger, sagas: 20, kills: 10);
    }

    [Fact]
    public async Task A_publisher_killed_between_append_and_publish_loses_no_event()
    {
        var ledger = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_database.Path)!, "handled.log");
        await ProcessTrials.KillDuringPublishingAsync(new SqliteEventStore(_database.ConnectionString), "sqlite", _database.ConnectionString, "-", ledger, kills: 10);
    }

    [Fact]
    public void An_in_memory_database_is_refused_with_a_pointer_to_InMemoryEventStore()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteEventStore("Data Source=:memory:"));

        Assert.Contains("InMemoryEventStore", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();
}
