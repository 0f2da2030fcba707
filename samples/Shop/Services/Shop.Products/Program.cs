using PatternsGen.EventSourcing;
using Shop.Contracts;
using Shop.Products;
using Shop.ServiceDefaults;

// The products service: the catalogue, and the stock held for orders (a reservation stream per order).
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddShopService("products", ProductsJson.Default);

var app = builder.Build();
app.MapShopDefaults();
app.MapGet("/products/{id}", IResult (string id) =>
    Catalogue.Find(id) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound());
app.MapPut("/reservations/{orderId}", async Task<IResult> (string orderId, IReadOnlyList<OrderLine> lines, IEventStore store, CancellationToken ct) =>
    lines.FirstOrDefault(static l => Catalogue.Find(l.ProductId) is not { Available: true } || l.Quantity < 1) is { } refused
        ? TypedResults.Problem($"{refused.Quantity} × '{refused.ProductId}' cannot be reserved.", statusCode: StatusCodes.Status409Conflict)
        : TypedResults.Ok(await Reservations.ReserveAsync(store, orderId, lines, ct)));
app.MapDelete("/reservations/{orderId}", async (string orderId, IEventStore store, CancellationToken ct) =>
    TypedResults.Ok(await Reservations.ReleaseAsync(store, orderId, ct)));
app.Run();
