using PatternsGen.Agents;
using PatternsGen.EventSourcing;
using PatternsGen.Hosting;
using PatternsGen.Resilience;
using PatternsGen.Sagas;
using Shop.Contracts;
using Shop.Orders;
using Shop.ServiceDefaults;

// The orders service: takes orders, checks them with users and products, and either runs the saga over products,
// payments and shipping, or places them for payments through broker events. Keeps orders_view, and serves the
// search_orders agent tool over MCP's HTTP transport at /mcp.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddPatternsGen();                          // generated: OrderHandlers
builder.AddShopService("orders", OrdersJson.Default)
    .AddEventStorePublisher(publisher =>                    // order.placed → the broker, one instance at a time;
        publisher.Filter = static e => e.Data is OrderPlaced) // the order's other events and the saga log stay inside
    .AddProjection<OrdersView>(RunOn.OneInstance)           // orders_view, in the orders database
    .AddSagaRecovery<PlaceOrderSaga, PlaceOrderContext>(    // runs of killed instances are resumed, then their orders settled
        (sp, run, ct) => sp.GetRequiredService<Checkout>().SettleAsync(run.SagaId, ct));
builder.AddShopClient<UsersClient>("users");
builder.AddShopClient<ProductsClient>("products");
builder.AddShopClient<PaymentsClient>("payments");
builder.AddShopClient<ShippingClient>("shipping");
builder.Services.AddSingleton(sp => new SagaLog(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<ServiceJson>().Options));
builder.Services.AddTransient<PlaceOrderSaga>();
builder.Services.AddTransient<Checkout>();
builder.Services.AddMcpServer().WithHttpTransport(mcp => mcp.Stateless = true);
builder.Services.AddSingleton(sp => new OrderSearchTools(sp.GetRequiredService<OrdersView>())
    .GetAgentTools(new AgentToolOptions { JsonOptions = sp.GetRequiredService<ServiceJson>().Options })
    .Single().AsMcpServerTool());

var app = builder.Build();
app.MapShopDefaults();
app.MapPut("/orders/{id}", async Task<IResult> (string id, PlaceOrder order, Checkout checkout, CancellationToken ct) =>
{
    try
    {
        return TypedResults.Ok(await checkout.PlaceAsync(id, order, ct));
    }
    catch (ArgumentException malformed)
    {
        return TypedResults.Problem(malformed.Message, statusCode: StatusCodes.Status400BadRequest);
    }
    catch (Exception error) when (error is HttpRequestException or CircuitBreakerOpenException or ResilienceTimeoutException)
    {
        // users or products stayed unreachable through every retry: the client may send the order again later
        return TypedResults.Problem($"A service the order needs is unavailable: {error.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
});
app.MapGet("/orders/{id}", async Task<IResult> (string id, IEventStore store, OrdersView view, CancellationToken ct) =>
    await OrderAggregate.LoadAsync(store, id, ct) is { } order
        ? TypedResults.Ok(Checkout.StatusOf(id, order) with { View = await view.FindAsync(id, ct) })
        : TypedResults.NotFound());
app.MapMcp("/mcp");
app.Run();
