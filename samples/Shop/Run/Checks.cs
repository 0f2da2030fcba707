using System.Diagnostics;
using Shop.Contracts;

namespace Shop.Run;

/// <summary>One thing the run must hold, and what was found.</summary>
public sealed record Check(string Name, bool Holds, string Detail);

/// <summary>What the shop must hold after the orders, however many instances were killed on the way.</summary>
public sealed class Checks(ShopClient client)
{
    /// <summary>Every order ended: completed (shipped, paid), compensated (cancelled) or refused at the door (rejected).</summary>
    public static Check AllSettled(IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes)
    {
        var open = outcomes.Where(static o => !o.Status.IsFinal).ToList();
        return new Check("every order completed or compensated", open.Count == 0,
            open.Count == 0 ? $"{outcomes.Count} of {outcomes.Count} orders ended" : "still open: " + string.Join(", ", open.Select(static o => $"{o.Plan.Id} ({o.Status.Status})")));
    }

    /// <summary>The payment ledger against the orders: one charge for each completed order, none left standing for the others.</summary>
    public async Task<Check> LedgerAsync(IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes, CancellationToken ct)
    {
        var ledger = await client.GetAsync("payments", "ledger", ShopJson.Default.IReadOnlyListCharge, ct) ?? [];
        var charges = ledger.ToLookup(static c => c.OrderId);
        var wrong = new List<string>();
        foreach (var (plan, status) in outcomes)
        {
            var standing = charges[plan.Id].Where(static c => !c.Refunded).ToList();
            var expected = status.Status is "shipped" or "paid" ? 1 : 0;
            if (charges[plan.Id].Count() > 1 || standing.Count != expected || (expected == 1 && standing[0].Amount != status.Total))
            {
                wrong.Add($"{plan.Id} is {status.Status} with {charges[plan.Id].Count()} charge(s), {standing.Count} not refunded");
            }
        }

        var charged = outcomes.Count(o => charges[o.Plan.Id].Any());
        var refunded = outcomes.Count(o => charges[o.Plan.Id].Any(static c => c.Refunded));
        return new Check("no payment charged twice or left charged for a cancelled order", wrong.Count == 0,
            wrong.Count == 0 ? $"{charged} orders charged once each, {refunded} of them refunded" : string.Join("; ", wrong));
    }

    /// <summary>Each service's dead letters (its store's and its broker queue's), before the run and after.</summary>
    public async Task<IReadOnlyDictionary<string, DeadLetterReport>> DeadLettersAsync(CancellationToken ct)
    {
        var reports = new Dictionary<string, DeadLetterReport>();
        foreach (var service in Services.Names)
        {
            reports[service] = await client.GetAsync(service, "dead-letters", ShopJson.Default.DeadLetterReport, ct) ?? new DeadLetterReport(0, []);
        }

        return reports;
    }

    public static Check NothingLost(IReadOnlyDictionary<string, DeadLetterReport> before, IReadOnlyDictionary<string, DeadLetterReport> after)
    {
        var grown = after.Where(a => a.Value.Count > before[a.Key].Count)
            .Select(a => $"{a.Key}: {a.Value.Count - before[a.Key].Count} new ({string.Join("; ", a.Value.Letters.Skip(before[a.Key].Letters.Count).Take(3))})")
            .ToList();
        return new Check("nothing lost: no new dead letter", grown.Count == 0,
            grown.Count == 0 ? $"{after.Sum(static a => a.Value.Count)} dead letters in all, as before the run" : string.Join("; ", grown));
    }

    /// <summary>
    /// No service answered a request with an unhandled exception (a 500 from a bug, not a refusal): read from their logs,
    /// where ASP.NET Core writes each one. Unavailable services and refused orders are answered, never thrown.
    /// </summary>
    public static Check NoUnhandledErrors(Services services)
    {
        var failures = new List<string>();
        foreach (var process in services.All)
        {
            var lines = process.ReadLog().Split('\n');
            var at = Array.FindIndex(lines, static l => l.Contains("An unhandled exception was thrown by the application", StringComparison.Ordinal));
            if (at >= 0)
            {
                failures.Add($"{process.Name}: {(at + 1 < lines.Length ? lines[at + 1].Trim() : "")}");
            }
        }

        return new Check("no request failed with an unhandled exception", failures.Count == 0,
            failures.Count == 0 ? "none in the services' logs" : string.Join("; ", failures));
    }

    /// <summary>orders_view agrees with the orders' streams; the view is kept in the background, so it gets a while to catch up.</summary>
    public async Task<Check> ViewAgreesAsync(IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes, TimeSpan patience, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        var disagree = new List<string>();
        foreach (var (plan, _) in outcomes.Where(static o => o.Status.Status != "rejected"))
        {
            while (true)
            {
                var order = await client.GetAsync("orders", $"orders/{plan.Id}", ShopJson.Default.OrderStatus, ct);
                if (order is { View: { } row } && row.Status == order.Status && row.Total == order.Total)
                {
                    break;
                }

                if (waited.Elapsed > patience)
                {
                    disagree.Add($"{plan.Id}: {order?.Status ?? "missing"} in its stream, {order?.View?.Status ?? "missing"} in orders_view");
                    break;
                }

                await Task.Delay(200, ct);
            }
        }

        var count = outcomes.Count(static o => o.Status.Status != "rejected");
        return new Check("orders_view equal to the orders' streams", disagree.Count == 0,
            disagree.Count == 0 ? $"{count} rows agree" : string.Join("; ", disagree.Take(5)));
    }
}
