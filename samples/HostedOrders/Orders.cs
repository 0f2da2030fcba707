using System.Text.Json.Serialization;
using PatternsGen;
using PatternsGen.Messaging;

[Event("order.placed")]
public sealed record OrderPlaced(string OrderId, decimal Total);

[Aggregate]
public partial class Order
{
    public decimal Total { get; private set; }

    public void Place(string id, decimal total) => Raise(new OrderPlaced(id, total));

    private void Apply(OrderPlaced e) => Total = e.Total;
}

[Projection]
public partial class RevenueView
{
    public decimal Revenue { get; private set; }

    public void Project(OrderPlaced e) => Revenue += e.Total;
}

public sealed partial class PaymentHandlers(PaymentsClient payments)
{
    [EventHandler(UseInbox = true)]                  // the inbox skips a redelivery once it was handled
    public Task OnPlaced(OrderPlaced e, EventContext context, CancellationToken ct) =>
        payments.ChargeAsync(e.OrderId, e.Total, idempotencyKey: context.MessageId.ToString(), ct);
}

[JsonSerializable(typeof(OrderPlaced))]                  // how the store writes the events, without reflection
internal partial class OrdersJson : JsonSerializerContext;

public sealed class PaymentsClient(HttpClient http)
{
    public async Task ChargeAsync(string orderId, decimal total, string idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"charges/{orderId}?total={total}");
        request.Headers.Add("Idempotency-Key", idempotencyKey); // the same on every redelivery and every retry
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
