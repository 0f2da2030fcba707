using Npgsql;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.PostgreSql.Tests;

public sealed class PostgresProcessTests : IAsyncLifetime
{
    private readonly string _schema = "process_" + Guid.NewGuid().ToString("N");
    private string? _connectionString;

    [SkippableFact]
    public async Task A_writer_killed_with_SIGKILL_mid_append_leaves_no_torn_batch_in_20_trials()
    {
        _connectionString = PostgresServer.ConnectionString();
        await using var store = new PostgresEventStore(_connectionString, null, _schema);
        await ProcessTrials.KillDuringAppendsAsync(store, "postgres", _connectionString, _schema, trials: 20);
    }

    [SkippableFact]
    public async Task Writers_in_four_processes_all_succeed_with_a_gapless_stream()
    {
        _connectionString = PostgresServer.ConnectionString();
        await using var store = new PostgresEventStore(_connectionString, null, _schema);
        await ProcessTrials.WritersInSeveralProcessesAsync(store, "postgres", _connectionString, _schema);
    }

    [SkippableFact]
    public async Task Sagas_killed_with_SIGKILL_at_random_points_all_end_completed_or_fully_compensated_after_resume()
    {
        _connectionString = PostgresServer.ConnectionString();
        await using var store = new PostgresEventStore(_connectionString, null, _schema);
        var folder = Directory.CreateTempSubdirectory("patternsgen-saga-").FullName;
        try
        {
            await ProcessTrials.KillDuringSagasAsync(store, "postgres", _connectionString, _schema, Path.Combine(folder, "effects.log"), sagas: 20, kills: 10);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_publisher_killed_between_append_and_publish_loses_no_event()
    {
        _connectionString = PostgresServer.ConnectionString();
        await using var store = new PostgresEventStore(_connectionString, null, _schema);
        var folder = Directory.CreateTempSubdirectory("patternsgen-publish-").FullName;
        try
        {
            await ProcessTrials.KillDuringPublishingAsync(store, "postgres", _connectionString, _schema, Path.Combine(folder, "handled.log"), kills: 10);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }
}
