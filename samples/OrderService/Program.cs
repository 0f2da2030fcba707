using System.CommandLine;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderService.Run;
using PatternsGen.Diagnostics;

// The whole picture on the embedded default (SQLite): user, order and product services as modules,
// synchronous calls through circuit breaker + retry, orders placed through the orchestrated saga and through the
// choreography on the bus, the order aggregate and the orders_view read model, and the search_orders agent tool
// answering over that view with a scripted model. `dotnet run --project samples/OrderService -- --help`.

var orders = new Option<int>("--orders") { Description = "How many orders to place.", DefaultValueFactory = static _ => 20 };
orders.Validators.Add(r => { if (r.GetValue(orders) is < 1 or > 100_000) r.AddError("--orders must be from 1 to 100000."); });
var failureRate = new Option<double>("--failure-rate") { Description = "Probability that a call to another service fails (0 to 1): shows retries, breaker trips, compensations and dead letters.", DefaultValueFactory = static _ => 0.1 };
failureRate.Validators.Add(r => { if (r.GetValue(failureRate) is < 0 or > 1 or double.NaN) r.AddError("--failure-rate must be from 0 to 1."); });
var store = new Option<StoreKind>("--store") { Description = "Where events, checkpoints, inbox, dead letters and orders_view live.", DefaultValueFactory = static _ => StoreKind.Sqlite };
var database = new Option<string?>("--database") { Description = "The SQLite file (default: orderservice.db in the working folder)." };
var postgres = new Option<string?>("--postgres") { Description = "The PostgreSQL connection string for --store postgres (default: $PATTERNSGEN_PG)." };
var trace = new Option<bool>("--trace") { Description = "Print every span (sagas, steps, bus deliveries, tool calls) with its correlation id, through OpenTelemetry's console exporter." };
var seed = new Option<int>("--seed") { Description = "Seed of the injected faults and of the orders' contents.", DefaultValueFactory = static _ => 42 };
var concurrency = new Option<int>("--concurrency") { Description = "How many orders are placed at a time.", DefaultValueFactory = static _ => 1 };
concurrency.Validators.Add(r => { if (r.GetValue(concurrency) is < 1 or > 256) r.AddError("--concurrency must be from 1 to 256."); });
var crash = new Option<bool>("--crash") { Description = "Kill the process at the first shipment, mid-saga; the next run resumes that saga from its log." };

var root = new RootCommand("PatternsGen's OrderService sample: order, payment, inventory and shipping services end to end.")
{
    orders, failureRate, concurrency, store, database, postgres, trace, seed, crash,
};
root.SetAction(async (parse, ct) =>
{
    var settings = new RunSettings(
        parse.GetValue(orders), parse.GetValue(failureRate), parse.GetValue(store), parse.GetValue(trace), parse.GetValue(crash),
        parse.GetValue(seed), parse.GetValue(database), parse.GetValue(postgres), parse.GetValue(concurrency));
    using var tracing = settings.Trace
        ? Sdk.CreateTracerProviderBuilder().ConfigureResource(static r => r.AddService("OrderService")).AddSource(PatternsGenDiagnostics.Name, OrderServiceRun.Source.Name).AddConsoleExporter().Build()
        : null;
    try
    {
        return await new OrderServiceRun(settings, Console.Out).RunAsync(ct);
    }
    catch (ArgumentException error)
    {
        Console.Error.WriteLine(error.Message);
        return 2;
    }
    catch (Exception error) when (error is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
    {
        Console.Error.WriteLine($"Cannot use the {settings.Store} store: {error.Message}");
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
