using PatternsGen;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>The statuses search_orders filters by.</summary>
public enum OrderStatusFilter { Submitted, Placed, Shipped, Paid, Cancelled }

/// <summary>The search_orders tool over orders_view, served to MCP clients at <c>/mcp</c>; its schema is written at build time.</summary>
public sealed partial class OrderSearchTools(OrdersView view)
{
    /// <summary>Finds a customer's orders, newest first.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    /// <param name="status">Only orders in this status.</param>
    /// <param name="limit">At most this many orders (1 to 50).</param>
    [AgentTool("search_orders")]
    public Task<IReadOnlyList<OrderViewRow>> SearchOrders(string customer, OrderStatusFilter? status = null, int limit = 10, CancellationToken ct = default) =>
        view.SearchAsync(customer, status?.ToString().ToLowerInvariant(), Math.Clamp(limit, 1, 50), ct);
}
