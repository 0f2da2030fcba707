using System.CommandLine;
using Shop.Run;

// The shop as it runs in production: users, products, orders, payments and shipping as separate processes, each
// with its own database, talking over HTTP and through RabbitMQ. `dotnet run --project samples/Shop -- --help`.

var orders = new Option<int>("--orders") { Description = "How many orders to place.", DefaultValueFactory = static _ => 20 };
orders.Validators.Add(r => { if (r.GetValue(orders) is < 1 or > 10_000) r.AddError("--orders must be from 1 to 10000."); });
var replicas = new Option<int>("--replicas") { Description = "How many instances of each service to run.", DefaultValueFactory = static _ => 1 };
replicas.Validators.Add(r => { if (r.GetValue(replicas) is < 1 or > 8) r.AddError("--replicas must be from 1 to 8."); });
var chaos = new Option<bool>("--chaos") { Description = "Kill instances with SIGKILL during the run, and restart them; the orders arrive spread over the kills." };
var kills = new Option<int>("--kills") { Description = "With --chaos: how many instances to kill at least.", DefaultValueFactory = static _ => 5 };
kills.Validators.Add(r => { if (r.GetValue(kills) is < 1 or > 1_000) r.AddError("--kills must be from 1 to 1000."); });
var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string: each service gets a database of its own there (shop_users, shop_orders …) instead of a SQLite file." };
var trace = new Option<bool>("--trace") { Description = "Every service prints its spans (OpenTelemetry's console exporter, into its log); the run shows which processes each order's trace crossed." };
var otlp = new Option<string?>("--otlp") { Description = "Send the spans to this OTLP endpoint instead (e.g. http://127.0.0.1:4317 for a local collector or Jaeger)." };
var data = new Option<string>("--data") { Description = "The folder of the SQLite files and the services' logs.", DefaultValueFactory = static _ => "shop-data" };
var rabbitmq = new Option<string>("--rabbitmq") { Description = "The broker (default: $PATTERNSGEN_RABBITMQ, else a local RabbitMQ as guest).", DefaultValueFactory = static _ => Environment.GetEnvironmentVariable("PATTERNSGEN_RABBITMQ") is { Length: > 0 } uri ? uri : "amqp://guest:guest@127.0.0.1:5672/" };
var concurrency = new Option<int>("--concurrency") { Description = "How many orders are in flight at a time.", DefaultValueFactory = static _ => 4 };
concurrency.Validators.Add(r => { if (r.GetValue(concurrency) is < 1 or > 64) r.AddError("--concurrency must be from 1 to 64."); });
var published = new Option<string?>("--published") { Description = "A folder of published services (Shop.Orders/Shop.Orders …, e.g. Native AOT builds) to run in place of the builds; services not in it run from their builds." };
var seed = new Option<int>("--seed") { Description = "Seed of the orders' contents and of the chaos.", DefaultValueFactory = static _ => 42 };

var root = new RootCommand("PatternsGen's shop: five services as separate processes, orders placed through their APIs, checked at the end.")
{
    orders, replicas, chaos, kills, postgres, trace, otlp, data, rabbitmq, concurrency, seed, published,
};
root.SetAction(async (parse, ct) =>
{
    var settings = new ShopSettings(
        parse.GetValue(orders), parse.GetValue(replicas), parse.GetValue(chaos), parse.GetValue(postgres),
        parse.GetValue(otlp) ?? (parse.GetValue(trace) ? "console" : null), Path.GetFullPath(parse.GetValue(data)!),
        parse.GetValue(rabbitmq)!, parse.GetValue(concurrency), parse.GetValue(seed),
        parse.GetValue(published) is { } folder ? Path.GetFullPath(folder) : null, parse.GetValue(kills));
    try
    {
        return await new ShopRun(settings, Console.Out).RunAsync(ct);
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        Console.WriteLine("Interrupted: every service this run started is stopped.");
        return 130;
    }
});
// On Ctrl+C the run stops its services, which takes a few seconds: give it that before the process ends.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
