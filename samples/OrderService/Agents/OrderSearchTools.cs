using OrderService.ReadModels;
using PatternsGen;

namespace OrderService.Agents;

/// <summary>The statuses an order can be in, as search_orders filters them.</summary>
public enum OrderStatusFilter { Draft, Submitted, Placed, Shipped, Paid, Cancelled }

/// <summary>
/// The search_orders tool, answering over the orders_view read model. Its schema was written at build time
/// (obj/.../OrderService.Agents.OrderSearchTools.AgentTools.g.cs) and its arguments are bound without reflection.
/// </summary>
public partial class OrderSearchTools(OrdersView view)
{
    /// <summary>Finds a customer's orders, newest first.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    /// <param name="status">Only orders in this status.</param>
    /// <param name="limit">At most this many orders (1 to 50).</param>
    [AgentTool("search_orders")]
    public Task<IReadOnlyList<OrderRow>> SearchOrders(string customer, OrderStatusFilter? status = null, int limit = 10, CancellationToken ct = default) =>
        view.SearchAsync(customer, status?.ToString().ToLowerInvariant(), Math.Clamp(limit, 1, 50), ct);
}
