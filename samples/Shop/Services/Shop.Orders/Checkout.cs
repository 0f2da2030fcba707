using PatternsGen.EventSourcing;
using PatternsGen.Sagas;
using Shop.Contracts;

namespace Shop.Orders;

/// <summary>
/// Places orders and settles them. <see cref="PlaceAsync"/> is idempotent, as <c>PUT /orders/{id}</c> must be: a
/// client that lost its answer (the instance it called was killed) sends the order again and gets where it stands,
/// and the call finishes what the crash left undone: a submitted order whose saga never started gets it started,
/// one whose saga ended gets the saga's outcome.
/// </summary>
public sealed class Checkout(IEventStore store, UsersClient users, ProductsClient products, PlaceOrderSaga saga)
{
    /// <exception cref="ArgumentException">The id or the order is malformed; the message says what an order needs.</exception>
    public async Task<OrderStatus> PlaceAsync(string orderId, PlaceOrder request, CancellationToken ct)
    {
        if (orderId.Length > 100 || !orderId.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("An order id is 1 to 100 letters, digits, '-', '_' or '.'.");
        }

        var order = await OrderAggregate.LoadAsync(store, orderId, ct);
        if (order is null)
        {
            var (opened, refusal) = await OpenAsync(orderId, request, ct);
            if (opened is null)
            {
                return new OrderStatus(orderId, "rejected", 0, refusal!);
            }

            try
            {
                await opened.SaveAsync(store, orderId, ct);
                order = opened;
            }
            catch (ConcurrencyException)
            {
                return await PlaceAsync(orderId, request, ct); // the same order, placed by another instance first
            }
        }

        if (order.Status == "submitted")
        {
            if (await RunOf(orderId, ct) is null)
            {
                await StartSagaAsync(orderId, order, ct);
            }

            order = await SettleAsync(orderId, ct);
        }

        return StatusOf(orderId, order!);
    }

    /// <summary>Gives a submitted order its saga's outcome, once the saga has one; returns the order as it stands.</summary>
    public async Task<OrderAggregate?> SettleAsync(string orderId, CancellationToken ct)
    {
        var order = await OrderAggregate.LoadAsync(store, orderId, ct);
        if (order is not { Status: "submitted" } || await RunOf(orderId, ct) is not { } run)
        {
            return order;
        }

        switch (run.Status)
        {
            case SagaStatus.Completed:
                order.MarkShipped(run.GetResult<Shipment>(2).Tracking);
                break;
            case SagaStatus.Compensated or SagaStatus.CompensationFailed:
                order.Cancel($"{run.Failure?.Step ?? "a step"} failed: {run.Failure?.Error}");
                break;
            default:
                return order; // still running, here or on another instance
        }

        try
        {
            await order.SaveAsync(store, orderId, ct);
            return order;
        }
        catch (ConcurrencyException)
        {
            return await OrderAggregate.LoadAsync(store, orderId, ct); // settled by another instance meanwhile
        }
    }

    public static OrderStatus StatusOf(string orderId, OrderAggregate order) => new(orderId, order.Status, order.Total, order.Detail);

    /// <summary>The order with its customer and priced lines, from users and products; or why it cannot be placed.</summary>
    private async Task<(OrderAggregate? Order, string? Refusal)> OpenAsync(string orderId, PlaceOrder request, CancellationToken ct)
    {
        if (request.Route is not ("saga" or "choreography") || string.IsNullOrEmpty(request.CustomerId) || request.Lines is not { Count: > 0 }
            || request.Lines.Any(static l => l is null || string.IsNullOrEmpty(l.ProductId) || l.Quantity is < 1 or > 1_000))
        {
            throw new ArgumentException(
                "An order needs a customerId, route 'saga' or 'choreography', and at least one line with a productId and a quantity from 1 to 1000.");
        }

        if (await users.FindAsync(request.CustomerId, ct) is not { } user)
        {
            return (null, $"no customer {request.CustomerId}");
        }

        var order = new OrderAggregate();
        order.Open(user.Id, user.Email);
        foreach (var line in request.Lines)
        {
            if (await products.FindAsync(line.ProductId, ct) is not { Available: true } product)
            {
                return (null, $"{line.ProductId} is not sold");
            }

            order.AddItem(product.Id, line.Quantity, product.Price);
        }

        order.Submit(orderId, viaSaga: request.Route == "saga");
        return (order, null);
    }

    private async Task StartSagaAsync(string orderId, OrderAggregate order, CancellationToken ct)
    {
        var context = new PlaceOrderContext(orderId, [.. order.Items.Select(static i => new OrderLine(i.ProductId, i.Quantity))], order.Total);
        try
        {
            await saga.ExecuteAsync(orderId, context, ct);
        }
        catch (SagaExecutionException)
        {
            // compensated: the log says so, and SettleAsync cancels the order
        }
        catch (InvalidOperationException) when (!ct.IsCancellationRequested)
        {
            // a run with this id exists: another instance started it first, and it or the recovery finishes it
        }
        catch (SagaLogException)
        {
            // the recovery of another instance claimed the run: it finishes it
        }
    }

    private async Task<SagaHistory?> RunOf(string orderId, CancellationToken ct)
    {
        try
        {
            return await saga.Log.ReadAsync(nameof(PlaceOrderSaga), orderId, ct);
        }
        catch (InvalidOperationException)
        {
            return null; // no run yet
        }
    }
}
