using System.Diagnostics;
using Shop.Contracts;

namespace Shop.Run;

/// <summary>
/// The run: checks the broker, prepares the databases, starts every instance of every service and waits for their
/// health, places the orders through the orders service's API (with the chaos killing instances meanwhile), checks
/// the outcome against the ledger, the dead letters and orders_view, asks search_orders over MCP, and stops
/// everything it started, also when interrupted.
/// </summary>
public sealed class ShopRun(ShopSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (await Broker.ProblemAsync(settings.RabbitMq, ct) is { } problem)
        {
            output.WriteLine(problem);
            return 2;
        }

        Func<string, IEnumerable<string>> storeOf;
        try
        {
            storeOf = await Stores.PrepareAsync(settings, ct);
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"Cannot prepare the services' databases ({Stores.Describe(settings)}): {error.Message}");
            return 2;
        }

        output.WriteLine($"PatternsGen shop: {settings.Orders} orders, {settings.Replicas} instance(s) of each service{(settings.Chaos ? ", with chaos" : "")}");
        output.WriteLine($"  data: {Stores.Describe(settings)}; logs in {Path.Combine(settings.Data, "logs")}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var traces = settings.Trace is null ? null : new Traces();
        await using var services = Services.Plan(settings, storeOf);
        try
        {
            await services.StartAllAsync(http, output, ct);
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException)
        {
            output.WriteLine(error.Message);
            return 1;
        }

        output.WriteLine($"  all healthy after {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine();

        var client = new ShopClient(http, services);
        var checks = new Checks(client);
        var deadLettersBefore = await checks.DeadLettersAsync(ct);

        var plans = OrderPlan.Draw(settings.Orders, settings.Seed);
        var outcomes = new (OrderPlan Plan, OrderStatus Status)[plans.Count];
        var traceIds = new string?[plans.Count];
        var latencies = new TimeSpan[plans.Count];
        var placing = Stopwatch.StartNew();
        using var stopChaos = new CancellationTokenSource();
        var chaos = settings.Chaos ? new Chaos(services, settings.Seed, settings.Kills, output) : null;
        var spacing = chaos is null ? TimeSpan.Zero : chaos.Expected / plans.Count; // customers arrive while the chaos goes on
        var chaosRun = chaos?.RunAsync(stopChaos.Token) ?? Task.CompletedTask;
        var next = -1;
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var n && n < plans.Count)
            {
                if (spacing * n - placing.Elapsed is { Ticks: > 0 } early)
                {
                    await Task.Delay(early, ct);
                }

                using var span = Traces.Source.StartActivity("place order");
                span?.SetTag("order.id", plans[n].Id);
                traceIds[n] = span?.TraceId.ToString();
                var took = Stopwatch.StartNew();
                var status = await client.PlaceAsync(plans[n], ct);
                latencies[n] = took.Elapsed;
                outcomes[n] = (plans[n], status);
                lock (outcomes)
                {
                    output.WriteLine($"[{++done,4}/{plans.Count}] {plans[n].Id} {plans[n].CustomerId,-10} {plans[n].Route,-12} {status.Status,-9} {status.Total,9:0.00}  {status.Detail}");
                }
            }
        }, ct)));
        placing.Stop();
        await stopChaos.CancelAsync();
        await chaosRun;
        await Task.WhenAll(services.All.Select(p => p.WaitHealthyAsync(http, TimeSpan.FromSeconds(60), ct)));

        var results = new List<Check>
        {
            Checks.AllSettled(outcomes),
            await checks.LedgerAsync(outcomes, ct),
            Checks.NothingLost(deadLettersBefore, await checks.DeadLettersAsync(ct)),
            await checks.ViewAgreesAsync(outcomes, TimeSpan.FromSeconds(30), ct),
            Checks.NoUnhandledErrors(services),
        };

        var (agentCheck, agentAnswer) = await AskAgentAsync(client, services, outcomes, ct);
        results.Add(agentCheck);

        await services.DisposeAsync(); // stopped, so every span is in the logs
        if (settings.Trace == "console")
        {
            results.Add(TraceCheck(services, plans, traceIds, outcomes));
        }

        Summary.Write(output, settings, outcomes, latencies, results, chaos?.Kills ?? 0, agentAnswer, placing.Elapsed, clock.Elapsed);
        return results.All(static c => c.Holds) ? 0 : 1;
    }

    /// <summary>The customer with the most orders asks what they have ordered, through the MCP server of one orders instance.</summary>
    private static async Task<(Check, string)> AskAgentAsync(ShopClient client, Services services, IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes, CancellationToken ct)
    {
        var busiest = outcomes.Where(static o => o.Status.Status != "rejected").GroupBy(static o => o.Plan.CustomerId).MaxBy(static g => g.Count());
        if (busiest is null)
        {
            return (new Check("search_orders over MCP", true, "no order to search for"), "");
        }

        var user = await client.GetAsync("users", $"users/{busiest.Key}", ShopJson.Default.User, ct);
        return await AgentQuestion.AskAsync(services.Of("orders").First().Url, user!.Email, [.. busiest.Select(static o => o.Plan.Id)], ct);
    }

    /// <summary>
    /// Each order's trace, as the services' logs hold it: every order crosses at least three processes (users, products
    /// and orders at least). Under chaos a killed process takes its unwritten spans with it, so one order must.
    /// </summary>
    private Check TraceCheck(Services services, IReadOnlyList<OrderPlan> plans, string?[] traceIds, IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes)
    {
        var seen = Traces.Read(services);
        var crossing = plans.Select((plan, n) => (plan, id: traceIds[n], services: traceIds[n] is { } id && seen.TryGetValue(id, out var s) ? s : [])).ToList();
        foreach (var (plan, id, across) in crossing.Take(20))
        {
            output.WriteLine($"trace of {plan.Id} ({plan.Route}, {outcomes.First(o => o.Plan == plan).Status.Status}, {id}): spans from {string.Join(", ", across)}");
        }

        var wide = crossing.Count(static c => c.services.Count >= 3);
        return new Check("one trace per order across processes", settings.Chaos ? wide > 0 : wide == plans.Count,
            $"{wide} of {plans.Count} orders' traces have spans from three services or more");
    }
}
