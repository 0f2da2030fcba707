using PatternsGen;
using PatternsGen.Sagas;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>What every step of placing one order sees; the saga log stores it, to resume from.</summary>
public sealed record PlaceOrderContext(string OrderId, IReadOnlyList<OrderLine> Lines, decimal Amount)
{
    /// <summary>The charge's idempotency key: the order's, so the saga, its retries and its resumed runs charge once.</summary>
    public string ChargeKey => "order-" + OrderId;
}

/// <summary>
/// Placing an order across three services: reserve the stock (products), charge (payments), create the parcel
/// (shipping, the pivot). When a step fails, the refund and the release run newest first. Each run is recorded in the
/// orders database, so a run whose instance was killed is resumed by another (AddSagaRecovery).
/// </summary>
/// <remarks>
/// The steps are not retried here: the clients already retry what may pass on a second try (an instance down, a
/// timeout) over every instance of the service, and what remains is a refusal (a declined charge, no carrier) that
/// asking again would not change. The compensations are retried: they must happen.
/// </remarks>
[Saga]
public partial class PlaceOrderSaga(ProductsClient products, PaymentsClient payments, ShippingClient shipping, SagaLog log)
{
    public SagaLog Log { get; } = log;

    [SagaStep(1, Compensate = nameof(ReleaseStock), CompensationAttempts = 5)]
    public Task ReserveStock(PlaceOrderContext order, CancellationToken ct) => products.ReserveAsync(order.OrderId, order.Lines, ct);

    public Task ReleaseStock(PlaceOrderContext order, CancellationToken ct) => products.ReleaseAsync(order.OrderId, ct);

    [SagaStep(2, Compensate = nameof(Refund), CompensationAttempts = 5)]
    public Task<Charge> Charge(PlaceOrderContext order, CancellationToken ct) => payments.ChargeAsync(order.ChargeKey, order.OrderId, order.Amount, ct);

    public Task Refund(PlaceOrderContext order, Charge charge, CancellationToken ct) => payments.RefundAsync(charge.Id, ct);

    [SagaStep(3, Pivot = true)]
    public Task<Shipment> Ship(PlaceOrderContext order, CancellationToken ct) => shipping.CreateAsync(order.OrderId, ct);
}
