using PatternsGen.EventSourcing;
using Shop.Contracts;
using Shop.Payments;
using Shop.ServiceDefaults;

// The payments service: charges, once per idempotency key, called by the orders saga over HTTP and made for
// placed orders through broker events (the choreography); /ledger lists every charge for the shop's checks.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPatternsGen();                      // generated: PaymentHandlers
builder.AddShopService("payments", PaymentsJson.Default);

var app = builder.Build();
app.MapShopDefaults();
app.MapPost("/charges", async Task<IResult> (ChargeRequest request, HttpRequest http, IEventStore store, CancellationToken ct) =>
{
    if (http.Headers["Idempotency-Key"] is not [{ Length: > 0 } key])
    {
        return TypedResults.Problem("A charge needs one Idempotency-Key header: a retry with the same key is the same charge.", statusCode: StatusCodes.Status400BadRequest);
    }

    return await Ledger.ChargeAsync(store, key, request.OrderId, request.Amount, ct) switch
    {
        { Charge: { } charge } => TypedResults.Ok(charge),
        var declined => TypedResults.Problem(declined.Declined, statusCode: StatusCodes.Status402PaymentRequired),
    };
});
app.MapPost("/charges/{id}/refund", async Task<IResult> (string id, IEventStore store, CancellationToken ct) =>
    await Ledger.RefundAsync(store, id, ct) is { } refunded ? TypedResults.Ok(refunded) : TypedResults.NotFound());
app.MapGet("/ledger", (IEventStore store, CancellationToken ct) => Ledger.ListAsync(store, ct));
app.Run();
