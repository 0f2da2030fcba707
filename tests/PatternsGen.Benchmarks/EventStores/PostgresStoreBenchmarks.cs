using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;

namespace PatternsGen.Benchmarks.EventStores;

/// <summary>
/// PostgresEventStore against raw Npgsql doing the same inserts: a transaction that reads the stream
/// version and inserts the batch in one round trip. The store also takes its append lock (which keeps
/// the global order gap-free); the raw side does not. Needs PATTERNSGEN_PG.
/// </summary>
[MemoryDiagnoser]
public class PostgresStoreBenchmarks
{
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N");
    private string _connectionString = "";
    private PostgresEventStore _store = null!;
    private NpgsqlDataSource _raw = null!;
    private object[] _batch = [];

    [Params(1, 10)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _connectionString = Environment.GetEnvironmentVariable("PATTERNSGEN_PG")
            ?? throw new InvalidOperationException("Set PATTERNSGEN_PG to a PostgreSQL connection string to run these benchmarks.");
        _store = new PostgresEventStore(_connectionString, new EventStoreOptions { JsonOptions = StoreBenchmarkData.Json }, _schema);
        _raw = NpgsqlDataSource.Create(_connectionString);
        _batch = StoreBenchmarkData.Batch(BatchSize);
        await _store.AppendAsync("warm-up", ExpectedVersion.NoStream, _batch); // creates the schema both sides use
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        await using (var drop = _raw.CreateCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _raw.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> Append_Baseline()
    {
        await using var connection = await _raw.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var version = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM \"{_schema}\".patternsgen_events WHERE stream_id = $1", connection, transaction);
        version.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "raw" });
        var current = (long)(await version.ExecuteScalarAsync())!;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var e in _batch)
        {
            var insert = new NpgsqlBatchCommand(
                $"INSERT INTO \"{_schema}\".patternsgen_events (event_id, stream_id, version, event_type, data, timestamp) VALUES ($1, $2, $3, $4, $5, $6)");
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "raw" });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ++current });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "bench.item_added" });
            insert.Parameters.Add(new NpgsqlParameter<string>
            {
                TypedValue = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes((ItemAdded)e, StoreBenchmarkJson.Default.ItemAdded)),
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return current;
    }

    [Benchmark]
    public async Task<long> Append_PatternsGen() => await _store.AppendAsync("store", ExpectedVersion.Any, _batch);
}
