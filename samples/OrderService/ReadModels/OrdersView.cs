using Microsoft.Data.Sqlite;
using OrderService.Orders;
using PatternsGen;
using PatternsGen.EventSourcing;

namespace OrderService.ReadModels;

/// <summary>
/// The seed's OrderReadModel: an orders_view table beside the events, one row per order. Each update is
/// guarded by the event's stream version, so an event projected again after a crash changes nothing.
/// </summary>
[Projection(Name = "orders_view")]
public partial class OrdersView(string connectionString)
{
    private bool _created;

    public Task Project(ItemAdded e, RecordedEvent recorded, CancellationToken ct) => ExecuteAsync("""
        INSERT INTO orders_view (id, status, items, total, version, updated_at) VALUES ($id, 'draft', $quantity, 0, $version, $at)
        ON CONFLICT (id) DO UPDATE SET items = items + $quantity, version = $version, updated_at = $at WHERE version < $version
        """, recorded, ct, ("$quantity", e.Quantity));

    public Task Project(OrderPlaced e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("placed", recorded, ct, total: e.Amount);

    public Task Project(OrderSubmitted e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("submitted", recorded, ct);

    public Task Project(OrderPaid e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("paid", recorded, ct);

    public Task Project(OrderCancelled e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("cancelled", recorded, ct);

    /// <summary>Empties the view before a rebuild.</summary>
    public Task ResetAsync(CancellationToken ct) => ExecuteAsync("DELETE FROM orders_view", null, ct);

    /// <summary>One order's row: status and item count, or null.</summary>
    public async Task<(string Status, int Items, decimal Total)?> FindAsync(string orderId)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = new SqliteCommand("SELECT status, items, total FROM orders_view WHERE id = $id", connection);
        command.Parameters.AddWithValue("$id", orderId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt32(1), reader.GetDecimal(2)) : null;
    }

    private Task SetStatusAsync(string status, RecordedEvent recorded, CancellationToken ct, decimal? total = null) => ExecuteAsync(
        total is null
            ? "UPDATE orders_view SET status = $status, version = $version, updated_at = $at WHERE id = $id AND version < $version"
            : "UPDATE orders_view SET status = $status, total = $total, version = $version, updated_at = $at WHERE id = $id AND version < $version",
        recorded, ct, ("$status", status), ("$total", total ?? 0m));

    private async Task ExecuteAsync(string sql, RecordedEvent? recorded, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = new SqliteCommand(sql, connection);
        if (recorded is not null)
        {
            command.Parameters.AddWithValue("$id", recorded.StreamId);
            command.Parameters.AddWithValue("$version", recorded.Version);
            command.Parameters.AddWithValue("$at", recorded.Timestamp.ToString("O"));
        }

        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (_created)
        {
            return connection;
        }

        await using var create = new SqliteCommand("""
            CREATE TABLE IF NOT EXISTS orders_view (
                id TEXT PRIMARY KEY, status TEXT NOT NULL, items INTEGER NOT NULL, total TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL)
            """, connection);
        await create.ExecuteNonQueryAsync(ct);
        _created = true;
        return connection;
    }
}
