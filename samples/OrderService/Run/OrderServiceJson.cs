using System.Text.Json.Serialization;
using OrderService.Choreography;
using OrderService.Orders;
using OrderService.ReadModels;
using OrderService.Sagas;

namespace OrderService.Run;

/// <summary>
/// JSON metadata for everything the sample stores or hands to a model, written at build time so the sample runs
/// under Native AOT: events and bus messages (the stores), the snapshot, the saga's context and step results
/// (the saga log) and the tool's result (PGEN206 and PGEN405 name anything missing here).
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderOpened))]
[JsonSerializable(typeof(ItemAdded))]
[JsonSerializable(typeof(OrderSubmitted))]
[JsonSerializable(typeof(OrderCancelled))]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(OrderShipped))]
[JsonSerializable(typeof(OrderPaid))]
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(PaymentRequested))]
[JsonSerializable(typeof(PaymentCompleted))]
[JsonSerializable(typeof(PaymentFailed))]
[JsonSerializable(typeof(PlaceOrderContext))]
[JsonSerializable(typeof(StockReservation))]
[JsonSerializable(typeof(PaymentReceipt))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyList<OrderRow>))]
internal sealed partial class OrderServiceJson : JsonSerializerContext;
