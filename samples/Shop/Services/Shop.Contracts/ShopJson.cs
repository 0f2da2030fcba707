using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Contracts;

/// <summary>How the services write the contracts: camelCase on the wire, without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(PaymentCompleted))]
[JsonSerializable(typeof(PaymentFailed))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(IReadOnlyList<OrderLine>))]
[JsonSerializable(typeof(ChargeRequest))]
[JsonSerializable(typeof(Charge))]
[JsonSerializable(typeof(IReadOnlyList<Charge>))]
[JsonSerializable(typeof(Shipment))]
[JsonSerializable(typeof(PlaceOrder))]
[JsonSerializable(typeof(OrderStatus))]
[JsonSerializable(typeof(DeadLetterReport))]
public sealed partial class ShopJson : JsonSerializerContext;

