using OrderService.Orders;
using OrderService.Services;
using PatternsGen;
using PatternsGen.Sagas;

namespace OrderService.Sagas;

/// <summary>What every step of placing one order sees. Plain data: the saga log stores it as JSON, to resume from.</summary>
public sealed record PlaceOrderContext(string OrderId, IReadOnlyList<ItemAdded> Items)
{
    public decimal Amount => Items.Sum(static i => i.Quantity * i.UnitPrice);
}

public sealed record StockReservation(IReadOnlyList<ItemAdded> Lines);

public sealed record PaymentReceipt(string PaymentId, decimal Amount);

/// <summary>
/// The order saga: reserve inventory → process payment → create shipment. Creating the
/// shipment is the pivot: once the parcel exists the order goes forward only. If it fails, the
/// payment is refunded and the stock released, newest first, each compensation given its own step's
/// result. Each run is recorded in <see cref="Log"/>, so a run cut short by a crash is finished by
/// ResumeAsync. PatternsGen generates ExecuteAsync and ResumeAsync (obj/.../OrderService.Sagas.PlaceOrderSaga.Saga.g.cs).
/// </summary>
[Saga]
public partial class PlaceOrderSaga(ServiceCalls services, PaymentClient payments, ShippingClient shipping, Journal journal, SagaLog log)
{
    /// <summary>Where runs are recorded: the order database.</summary>
    public SagaLog Log { get; } = log;

    [SagaStep(1, Compensate = nameof(ReleaseInventory))]
    public async Task<StockReservation> ReserveInventory(PlaceOrderContext context, CancellationToken ct)
    {
        foreach (var line in context.Items)
        {
            if (!await services.ReserveAsync(line.ProductId, line.Quantity, ct))
            {
                throw new InvalidOperationException($"No stock for {line.ProductId}.");
            }
        }

        journal.Add($"inventory: reserved {context.Items.Count} lines for {context.OrderId}");
        return new StockReservation([.. context.Items]);
    }

    public Task ReleaseInventory(PlaceOrderContext context, StockReservation reservation, CancellationToken ct)
    {
        journal.Add($"inventory: released {reservation.Lines.Count} lines for {context.OrderId}");
        return Task.CompletedTask;
    }

    [SagaStep(2, Compensate = nameof(RefundPayment), MaxAttempts = 3, RetryDelayMilliseconds = 10, CompensationAttempts = 3)]
    public async Task<PaymentReceipt> ProcessPayment(PlaceOrderContext context, CancellationToken ct) =>
        new(await payments.ChargeAsync(context.OrderId, context.Amount, ct), context.Amount);

    public Task RefundPayment(PlaceOrderContext context, PaymentReceipt receipt, CancellationToken ct) =>
        payments.RefundAsync(receipt.PaymentId, receipt.Amount, ct);

    [SagaStep(3, Pivot = true, MaxAttempts = 2, RetryDelayMilliseconds = 10)]
    public Task<string> CreateShipment(PlaceOrderContext context, CancellationToken ct) =>
        shipping.CreateShipmentAsync(context.OrderId, ct);
}
