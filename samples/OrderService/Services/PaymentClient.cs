namespace OrderService.Services;

/// <summary>
/// Stands in for the payment service: charges and refunds, each written to the journal. A charge fails now and
/// then as the network does (the saga step and the bus retry it); a refund, being a compensation, is retried
/// by the saga too.
/// </summary>
public sealed class PaymentClient(FaultInjector faults, Journal journal)
{
    private int _next;

    public Task<string> ChargeAsync(string orderId, decimal amount, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        faults.MaybeFail("payments", $"POST /charges {orderId}");
        var paymentId = $"pay-{Interlocked.Increment(ref _next)}";
        journal.Add($"payment: charged {amount:0.00} for {orderId} ({paymentId})");
        return Task.FromResult(paymentId);
    }

    public Task RefundAsync(string paymentId, decimal amount, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        journal.Add($"payment: refunded {amount:0.00} ({paymentId})");
        return Task.CompletedTask;
    }
}
