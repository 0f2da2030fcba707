using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Sqlite;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPatternsGen();                  // generated: this assembly's handlers, and the bus
builder.Services.AddPatternsGenHosting()
    .UseEventStore(_ => new SqliteEventStore(
        builder.Configuration.GetConnectionString("orders") ?? "Data Source=orders.db",
        new EventStoreOptions { JsonOptions = OrdersJson.Default.Options }))
    .AddEventStorePublisher()                       // stored events → handlers, with a durable checkpoint
    .AddProjection<RevenueView>();                  // kept up to date in the background
builder.Services.AddHttpClient<PaymentsClient>(c => c.BaseAddress = new Uri("http://127.0.0.1:5081/"))
    .AddPatternsGenResilience();                    // timeouts, retry, a circuit breaker per authority
builder.Services.AddHealthChecks().AddPatternsGen();

var app = builder.Build();

app.MapPost("/orders/{id}", async (string id, decimal total, IEventStore store, CancellationToken ct) =>
{
    var order = new Order();
    order.Place(id, total);
    await order.SaveAsync(store, id, ct);           // appended; the publisher takes it from here
    return Results.Accepted($"/orders/{id}");
});
app.MapGet("/revenue", (RevenueView view) => view.Revenue.ToString(CultureInfo.InvariantCulture));
app.MapHealthChecks("/health");

app.Run();
