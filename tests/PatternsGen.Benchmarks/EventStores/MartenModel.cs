using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;

namespace PatternsGen.Benchmarks.EventStores;

/// <summary>A cart as PatternsGen users write it: the items added, folded from its events.</summary>
[Aggregate]
public partial class BenchCart
{
    public int Items { get; private set; }

    private void Apply(ItemAdded e) => Items += e.Quantity;
}

/// <summary>The same cart as Marten users write it: a self-aggregating document with an Apply method per event.</summary>
public sealed class MartenCart
{
    public string Id { get; set; } = "";

    public int Items { get; set; }

    public void Apply(ItemAdded e) => Items += e.Quantity;
}

/// <summary>
/// The view Marten's snapshot of <see cref="MartenCart"/> keeps, as a PatternsGen projection: a row per cart with its
/// items, in the store's database, its writes queued on the projection's transaction.
/// </summary>
[Projection(Name = "cart_items")]
public sealed partial class CartItemsView(string schema)
{
    public Task Project(ItemAdded e, RecordedEvent recorded, CancellationToken ct)
    {
        var batch = PostgresEventStore.ProjectionBatch ?? throw new InvalidOperationException("cart_items is written in its projection's transaction.");
        var upsert = new NpgsqlBatchCommand(
            $"INSERT INTO \"{schema}\".cart_items AS c (id, items) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET items = c.items + excluded.items");
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recorded.StreamId });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = e.Quantity });
        batch.BatchCommands.Add(upsert);
        return Task.CompletedTask;
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PATTERNSGEN_PG"));
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS \"{schema}\".cart_items (id TEXT PRIMARY KEY, items INT NOT NULL); TRUNCATE \"{schema}\".cart_items", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>The same view in memory: what reading and dispatching the events cost without writing a row.</summary>
[Projection(Name = "cart_items_in_memory")]
public sealed partial class CartItemsInMemory
{
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Items { get; } = new();

    public Task Project(ItemAdded e, RecordedEvent recorded, CancellationToken ct)
    {
        Items.AddOrUpdate(recorded.StreamId, e.Quantity, (_, items) => items + e.Quantity);
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken ct)
    {
        Items.Clear();
        return Task.CompletedTask;
    }
}
