using System.Text.Json.Serialization;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>The orders service's own types: its events, the saga's context and results, and the tool's result.</summary>
[JsonSerializable(typeof(OrderOpened))]
[JsonSerializable(typeof(ItemAdded))]
[JsonSerializable(typeof(OrderSubmitted))]
[JsonSerializable(typeof(OrderShipped))]
[JsonSerializable(typeof(OrderPaid))]
[JsonSerializable(typeof(OrderCancelled))]
[JsonSerializable(typeof(PlaceOrderContext))]
[JsonSerializable(typeof(IReadOnlyList<OrderViewRow>))]
internal sealed partial class OrdersJson : JsonSerializerContext;
