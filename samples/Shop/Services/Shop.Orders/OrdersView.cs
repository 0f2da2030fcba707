using System.Data.Common;
using PatternsGen;
using PatternsGen.EventSourcing;
using Shop.Contracts;
using Shop.ServiceDefaults;

namespace Shop.Orders;

/// <summary>
/// orders_view: one row per order, in the orders database (SQLite or PostgreSQL: the SQL is the part both speak).
/// One instance of the service keeps it (<c>RunOn.OneInstance</c>); every instance reads it. Each update is guarded by
/// the event's stream version, so an event projected again after a crash changes nothing.
/// </summary>
[Projection(Name = "orders_view")]
public sealed partial class OrdersView(ShopDatabase database)
{
    private volatile bool _created;

    public Task Project(OrderOpened e, RecordedEvent recorded, CancellationToken ct) => ExecuteAsync("""
        INSERT INTO orders_view (id, customer, status, items, total, version, updated_at) VALUES (@id, @customer, 'draft', 0, 0, @version, @at)
        ON CONFLICT (id) DO NOTHING
        """, recorded, ct, ("@customer", e.Email));

    public Task Project(ItemAdded e, RecordedEvent recorded, CancellationToken ct) => ExecuteAsync("""
        UPDATE orders_view SET items = items + @quantity, total = total + @amount, version = @version, updated_at = @at
        WHERE id = @id AND version < @version
        """, recorded, ct, ("@quantity", e.Quantity), ("@amount", e.Quantity * e.UnitPrice));

    public Task Project(OrderSubmitted e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("submitted", recorded, ct);

    public Task Project(OrderPlaced e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("placed", recorded, ct);

    public Task Project(OrderShipped e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("shipped", recorded, ct);

    public Task Project(OrderPaid e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("paid", recorded, ct);

    public Task Project(OrderCancelled e, RecordedEvent recorded, CancellationToken ct) => SetStatusAsync("cancelled", recorded, ct);

    /// <summary>Empties the view before a rebuild.</summary>
    public Task ResetAsync(CancellationToken ct) => ExecuteAsync("DELETE FROM orders_view", null, ct);

    public async Task<OrderViewRow?> FindAsync(string orderId, CancellationToken ct) =>
        (await QueryAsync("WHERE id = @id", 1, ct, ("@id", orderId))).FirstOrDefault();

    /// <summary>A customer's orders, newest first, optionally in one status: what search_orders reads.</summary>
    public Task<IReadOnlyList<OrderViewRow>> SearchAsync(string customer, string? status, int limit, CancellationToken ct) =>
        status is null
            ? QueryAsync("WHERE customer = @customer ORDER BY updated_at DESC, id", limit, ct, ("@customer", customer))
            : QueryAsync("WHERE customer = @customer AND status = @status ORDER BY updated_at DESC, id", limit, ct, ("@customer", customer), ("@status", status));

    private Task SetStatusAsync(string status, RecordedEvent recorded, CancellationToken ct) => ExecuteAsync(
        "UPDATE orders_view SET status = @status, version = @version, updated_at = @at WHERE id = @id AND version < @version", recorded, ct, ("@status", status));

    private async Task<IReadOnlyList<OrderViewRow>> QueryAsync(string where, int limit, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, customer, status, items, total FROM orders_view {where} LIMIT {limit}";
        Add(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<OrderViewRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new OrderViewRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetDecimal(4)));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, RecordedEvent? recorded, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (recorded is not null)
        {
            Add(command, [("@id", recorded.StreamId), ("@version", recorded.Version), ("@at", recorded.Timestamp.ToString("O"))]);
        }

        Add(command, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = database.Connect();
        await connection.OpenAsync(ct);
        if (!_created)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS orders_view (
                    id TEXT PRIMARY KEY, customer TEXT NOT NULL, status TEXT NOT NULL, items INTEGER NOT NULL,
                    total NUMERIC NOT NULL, version BIGINT NOT NULL, updated_at TEXT NOT NULL)
                """;
            await create.ExecuteNonQueryAsync(ct);
            _created = true;
        }

        return connection;
    }
}
