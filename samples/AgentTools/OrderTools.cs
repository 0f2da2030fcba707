using System.Text.Json.Serialization;
using PatternsGen;

namespace AgentTools;

public enum OrderStatus { Pending, Shipped, Delivered, Cancelled }

public sealed record OrderSummary(string Id, string Customer, OrderStatus Status, decimal Total, DateOnly PlacedOn);

/// <summary>Order tools for an agent, over an in-memory list of orders.</summary>
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

    /// <summary>One order by its id.</summary>
    /// <param name="orderId">The order's id, such as o-1001.</param>
    [AgentTool("get_order")]
    public OrderSummary GetOrder(string orderId) =>
        Orders.FirstOrDefault(o => o.Id == orderId) ?? throw new KeyNotFoundException($"No order '{orderId}'.");

    /// <summary>Where an order stands.</summary>
    /// <param name="orderId">The order's id, such as o-1001.</param>
    [AgentTool("order_status")]
    public OrderStatus GetStatus(string orderId) => GetOrder(orderId).Status;

    /// <summary>How many orders a customer has placed.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool("count_orders")]
    public int CountOrders(string customer) =>
        Orders.Count(o => string.Equals(o.Customer, customer, StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-line summary of a customer's orders.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool("summarize_customer")]
    public string SummarizeCustomer(string customer)
    {
        var orders = SearchOrders(customer, limit: 100);
        return orders.Count == 0
            ? $"{customer} has no orders."
            : $"{customer} has {orders.Count} orders totalling {orders.Sum(static o => o.Total):0.00}, the latest on {orders[0].PlacedOn:yyyy-MM-dd}.";
    }
}

/// <summary>
/// JSON metadata for the tools' results, written at build time: under Native AOT nothing can be made by reflection
/// (PGEN405 names any result type missing here). Enums by name, as the schemas name them.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<OrderSummary>))]
[JsonSerializable(typeof(OrderSummary))]
[JsonSerializable(typeof(OrderStatus))]
internal sealed partial class ToolJson : JsonSerializerContext;
