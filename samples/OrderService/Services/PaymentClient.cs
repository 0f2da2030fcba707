namespace OrderService.Services;

/// <summary>Stands in for the payment service: charges and refunds, each written to the journal.</summary>
public sealed class PaymentClient(List<string> journal)
{
    private int _next;

    public Task<string> ChargeAsync(string orderId, decimal amount, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var paymentId = $"pay-{Interlocked.Increment(ref _next)}";
        journal.Add($"payment: charged {amount:0.00} for {orderId} ({paymentId})");
        return Task.FromResult(paymentId);
    }

    public Task RefundAsync(string paymentId, decimal amount, CancellationToken ct)
    {
        journal.Add($"payment: refunded {amount:0.00} ({paymentId})");
        return Task.CompletedTask;
    }
}
