using BenchmarkDotNet.Attributes;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;

namespace PatternsGen.Benchmarks.EventStores;

/// <summary>The two stores on one PostgreSQL, each in its own schema. Needs PATTERNSGEN_PG.</summary>
internal sealed class SideBySide : IAsyncDisposable
{
    private SideBySide(string connectionString, string suffix)
    {
        ConnectionString = connectionString;
        Schema = "bench_pg_" + suffix;
        MartenSchema = "bench_marten_" + suffix;
        Store = new PostgresEventStore(connectionString, new EventStoreOptions { JsonOptions = StoreBenchmarkData.Json }, Schema);
        Marten = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = MartenSchema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.AddEventType<ItemAdded>();
            options.Projections.Snapshot<MartenCart>(SnapshotLifecycle.Async);
        });
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    public string MartenSchema { get; }

    public PostgresEventStore Store { get; }

    public DocumentStore Marten { get; }

    public static async Task<SideBySide> OpenAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("PATTERNSGEN_PG")
            ?? throw new InvalidOperationException("Set PATTERNSGEN_PG to a PostgreSQL connection string to run these benchmarks.");
        var both = new SideBySide(connectionString, Guid.NewGuid().ToString("N")[..8]);
        await both.Marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await both.Store.AppendAsync("warm-up", ExpectedVersion.NoStream, StoreBenchmarkData.Batch(1)); // creates its schema
        return both;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Marten.Dispose();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE; DROP SCHEMA IF EXISTS \"{MartenSchema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Appending a batch to a stream: Marten's event store (the baseline) against PostgresEventStore.</summary>
[MemoryDiagnoser]
public class MartenAppendBenchmarks
{
    private SideBySide _both = null!;
    private object[] _batch = [];

    [Params(1, 10)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _both = await SideBySide.OpenAsync();
        _batch = StoreBenchmarkData.Batch(BatchSize);
    }

    [GlobalCleanup]
    public Task Cleanup() => _both.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public async Task Append_Marten()
    {
        await using var session = _both.Marten.LightweightSession();
        session.Events.Append("cart", _batch);
        await session.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<long> Append_PatternsGen() => await _both.Store.AppendAsync("cart", ExpectedVersion.Any, _batch);
}

/// <summary>Loading a cart of 100 events by folding them: Marten's AggregateStreamAsync (the baseline) against the generated aggregate's load.</summary>
[MemoryDiagnoser]
public class MartenLoadBenchmarks
{
    private SideBySide _both = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _both = await SideBySide.OpenAsync();
        var events = StoreBenchmarkData.Batch(100);
        await _both.Store.AppendAsync("cart-100", ExpectedVersion.NoStream, events);
        await using var session = _both.Marten.LightweightSession();
        session.Events.StartStream<MartenCart>("cart-100", events);
        await session.SaveChangesAsync();
    }

    [GlobalCleanup]
    public Task Cleanup() => _both.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public async Task<int> Load100_Marten()
    {
        await using var session = _both.Marten.QuerySession();
        return (await session.Events.AggregateStreamAsync<MartenCart>("cart-100"))!.Items;
    }

    [Benchmark]
    public async Task<int> Load100_PatternsGen() => (await Aggregates.LoadAsync<BenchCart>(_both.Store, "cart-100"))!.Items;
}
