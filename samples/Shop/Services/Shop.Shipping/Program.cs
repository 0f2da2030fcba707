using PatternsGen.EventSourcing;
using Shop.Contracts;
using Shop.ServiceDefaults;
using Shop.Shipping;

// The shipping service: a parcel per order, created once however often it is asked for.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddShopService("shipping", ShippingJson.Default);

var app = builder.Build();
app.MapShopDefaults();
app.MapPut("/shipments/{orderId}", async Task<IResult> (string orderId, IEventStore store, CancellationToken ct) =>
    await Shipments.CreateAsync(store, orderId, ct) is { } shipment
        ? TypedResults.Ok(shipment)
        : TypedResults.Problem($"No carrier delivers order {orderId}'s address.", statusCode: StatusCodes.Status422UnprocessableEntity));
app.Run();
