using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Sqlite;

namespace PatternsGen.Benchmarks.EventStores;

/// <summary>
/// SqliteEventStore against raw Microsoft.Data.Sqlite doing the same work: one BEGIN IMMEDIATE
/// transaction that reads the stream version and inserts the batch, on the same schema and
/// file settings; and reading a 1,000-event stream back into event objects.
/// </summary>
[MemoryDiagnoser]
public class SqliteStoreBenchmarks
{
    private string _folder = "";
    private SqliteEventStore _store = null!;
    private string _raw = "";
    private object[] _batch = [];

    [Params(1, 10)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _folder = Directory.CreateTempSubdirectory("patternsgen-bench-").FullName;
        _store = new SqliteEventStore($"Data Source={Path.Combine(_folder, "store.db")}", new EventStoreOptions { JsonOptions = StoreBenchmarkData.Json });
        _raw = $"Data Source={Path.Combine(_folder, "raw.db")}";
        _batch = StoreBenchmarkData.Batch(BatchSize);

        // The same schema for the raw side: the store creates it on first use, here it is copied.
        await _store.AppendAsync("read", ExpectedVersion.NoStream, StoreBenchmarkData.Batch(1_000));
        await using (var connection = new SqliteConnection(_raw))
        {
            await connection.OpenAsync();
            await using var create = new SqliteCommand(SchemaSql, connection);
            await create.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < 1_000; i += 100)
        {
            await RawAppendAsync("read", StoreBenchmarkData.Batch(100));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Append")]
    public Task<long> Append_Baseline() => RawAppendAsync("append", _batch);

    [Benchmark]
    [BenchmarkCategory("Append")]
    public async Task<long> Append_PatternsGen() => await _store.AppendAsync("append", ExpectedVersion.Any, _batch);

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> Read_Baseline()
    {
        // What a hand-written store returns: every column, the event object found by its name, in one query.
        var count = 0;
        await using var connection = new SqliteConnection(_raw);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(
            "SELECT position, event_id, stream_id, version, event_type, data, timestamp, correlation_id, causation_id FROM patternsgen_events WHERE stream_id = $s AND version > 0 ORDER BY version",
            connection);
        command.Parameters.AddWithValue("$s", "read");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(4);
            object data = type switch
            {
                "bench.item_added" => JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(5), StoreBenchmarkJson.Default.ItemAdded)!,
                _ => throw new InvalidOperationException(type),
            };
            var e = new RecordedEvent(Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(0), type, data,
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8));
            count += ((ItemAdded)e.Data).Quantity > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("Read")]
    public async Task<int> Read_PatternsGen()
    {
        var count = 0;
        await foreach (var e in _store.ReadStreamAsync("read"))
        {
            count += ((ItemAdded)e.Data).Quantity > 0 ? 1 : 0;
        }

        return count;
    }

    private async Task<long> RawAppendAsync(string stream, object[] events)
    {
        await using var connection = new SqliteConnection(_raw);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
        await using var version = new SqliteCommand("SELECT COALESCE(MAX(version), 0) FROM patternsgen_events WHERE stream_id = $s", connection, transaction);
        version.Parameters.AddWithValue("$s", stream);
        var current = (long)(await version.ExecuteScalarAsync())!;
        await using var insert = new SqliteCommand(
            "INSERT INTO patternsgen_events (event_id, stream_id, version, event_type, data, timestamp) VALUES ($id, $s, $v, $t, $d, $ts)", connection, transaction);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$s", stream);
        var number = insert.Parameters.Add("$v", SqliteType.Integer);
        insert.Parameters.AddWithValue("$t", "bench.item_added");
        var data = insert.Parameters.Add("$d", SqliteType.Text);
        insert.Parameters.AddWithValue("$ts", DateTimeOffset.UtcNow.UtcTicks);
        foreach (var e in events)
        {
            id.Value = Guid.NewGuid().ToString();
            number.Value = ++current;
            data.Value = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes((ItemAdded)e, StoreBenchmarkJson.Default.ItemAdded));
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return current;
    }

    private const string SchemaSql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS patternsgen_events (
            position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
            event_type TEXT NOT NULL, data TEXT NOT NULL, timestamp INTEGER NOT NULL, correlation_id TEXT NULL, causation_id TEXT NULL,
            UNIQUE (stream_id, version));
        """;
}
