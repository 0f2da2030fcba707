using System.Diagnostics;
using Marten;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.Projections;

namespace PatternsGen.Benchmarks.EventStores;

/// <summary>
/// Rebuilding a view of many events on one PostgreSQL: Marten's async daemon rebuilding its <see cref="MartenCart"/>
/// snapshots against the projection runner rebuilding <see cref="CartItemsView"/> (the same rows: a cart's items) in
/// one, two and four shards, transactional. The events are carts of 100 items each, appended to both stores first.
/// </summary>
internal static class RebuildComparison
{
    private const int PerStream = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var carts = events / PerStream;
        await using var both = await SideBySide.OpenAsync();
        var batch = StoreBenchmarkData.Batch(PerStream);
        var expected = (long)batch.Cast<ItemAdded>().Sum(e => e.Quantity) * carts;

        var seedPatternsGen = await TimeAsync(() => InParallelAsync(carts, cart =>
            both.Store.AppendAsync($"cart-{cart}", ExpectedVersion.NoStream, batch).AsTask()));
        var seedMarten = await TimeAsync(() => InParallelAsync(carts, async cart =>
        {
            await using var session = both.Marten.LightweightSession();
            session.Events.StartStream<MartenCart>($"cart-{cart}", batch);
            await session.SaveChangesAsync();
        }));
        Console.WriteLine($"appended {events:N0} events in {carts:N0} carts: PatternsGen {seedPatternsGen.TotalSeconds:F1} s, Marten {seedMarten.TotalSeconds:F1} s");

        using var daemon = await both.Marten.BuildProjectionDaemonAsync();
        var marten = await TimeAsync(() => daemon.RebuildProjectionAsync<MartenCart>(TimeSpan.FromMinutes(30), CancellationToken.None));
        await CheckAsync(both, $"SELECT count(*), sum((data->>'Items')::bigint) FROM \"{both.MartenSchema}\".mt_doc_martencart", carts, expected, "Marten");
        Console.WriteLine($"| Marten {typeof(DocumentStore).Assembly.GetName().Version} async daemon | {marten.TotalSeconds:F1} s | {events / marten.TotalSeconds:N0} events/s |");

        var inMemory = new CartItemsInMemory();
        var reading = await TimeAsync(() => new ProjectionRunner(both.Store, new InMemoryCheckpointStore(), [inMemory]).RebuildAsync("cart_items_in_memory"));
        Console.WriteLine($"| PatternsGen projection runner, the view in memory (reading alone) | {reading.TotalSeconds:F1} s | {events / reading.TotalSeconds:N0} events/s |");

        foreach (var shards in new[] { 1, 2, 4 })
        {
            var view = new CartItemsView(both.Schema);
            IEnumerable<IProjection> lanes = shards == 1 ? [view] : ProjectionShard.Split(view, shards);
            var runner = new ProjectionRunner(both.Store, both.Store, lanes, new ProjectionOptions { Transactional = true, CheckpointEvery = 500 });
            var took = await TimeAsync(() => runner.RebuildAsync("cart_items"));
            await CheckAsync(both, $"SELECT count(*), sum(items) FROM \"{both.Schema}\".cart_items WHERE id LIKE 'cart-%'", carts, expected, $"PatternsGen, {shards} shards");
            Console.WriteLine($"| PatternsGen projection runner, {shards} shard{(shards == 1 ? "" : "s")} | {took.TotalSeconds:F1} s | {events / took.TotalSeconds:N0} events/s |");
        }

        return 0;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    /// <summary>Four writers, as a loaded service would append.</summary>
    private static Task InParallelAsync(int count, Func<int, Task> work) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => await work(i));

    private static async Task CheckAsync(SideBySide both, string sql, int carts, long items, string who)
    {
        await using var connection = new NpgsqlConnection(both.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(sql, connection);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, sum) = (reader.GetInt64(0), reader.GetInt64(1));
        if (rows != carts || sum != items)
        {
            throw new InvalidOperationException($"{who}: {rows} carts holding {sum} items, not {carts} holding {items}.");
        }
    }
}
