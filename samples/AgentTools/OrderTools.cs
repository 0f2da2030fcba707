using System.Text.Json.Serialization;
using PatternsGen;

namespace AgentTools;

public enum OrderStatus { Pending, Shipped, Delivered, Cancelled }

public sealed record OrderSummary(string Id, string Customer, OrderStatus Status, decimal Total, DateOnly PlacedOn);

/// <summary>The seed's search_orders tool, over an in-memory list of orders.</summary>
public partial class OrderTools
{
    private static readonly OrderSummary[] Orders =
    [
        new("o-1001", "ann@example.com", OrderStatus.Delivered, 75.00m, new DateOnly(2026, 10, 2)),
        new("o-1002", "ann@example.com", OrderStatus.Shipped, 19.99m, new DateOnly(2026, 11, 20)),
        new("o-1003", "bob@example.com", OrderStatus.Pending, 1250.00m, new DateOnly(2026, 11, 23)),
    ];

    /// <summary>Finds a customer's orders, newest first.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    /// <param name="status">Only orders in this status.</param>
    /// <param name="limit">At most this many orders.</param>
    [AgentTool("search_orders")]
    public IReadOnlyList<OrderSummary> SearchOrders(string customer, OrderStatus? status = null, int limit = 10) =>
        [.. Orders
            .Where(o => string.Equals(o.Customer, customer, StringComparison.OrdinalIgnoreCase) && (status is null || o.Status == status))
            .OrderByDescending(static o => o.PlacedOn)
            .Take(Math.Clamp(limit, 1, 100))];
}

/// <summary>
/// JSON metadata for the tools' results, written at build time: under Native AOT nothing can be made by reflection
/// (PGEN405 names any result type missing here). Enums by name, as the schemas name them.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<OrderSummary>))]
internal sealed partial class ToolJson : JsonSerializerContext;
