using OrderService.Services;

namespace OrderService.Run;

/// <summary>The table printed at the end of a run.</summary>
internal static class Summary
{
    public static void Write(
        TextWriter output, RunSettings settings, Storage storage, ServiceCalls calls, FaultInjector faults, IReadOnlyList<OrderOutcome> outcomes,
        int deadLetters, string agentAnswer, TimeSpan placing, TimeSpan elapsed, bool consistent)
    {
        output.WriteLine();
        output.WriteLine("Orders");
        Table(output, ["route", "orders", "shipped", "paid", "cancelled", "compensated", "rejected", "awaiting payment"],
            outcomes.GroupBy(static o => o.Route).OrderBy(static g => g.Key).Select(static g => new[]
            {
                g.Key,
                g.Count().ToString(),
                g.Count(static o => o.Status == "shipped").ToString(),
                g.Count(static o => o.Status == "paid").ToString(),
                g.Count(static o => o.Status == "cancelled").ToString(),
                g.Count(static o => o.Compensated).ToString(),
                g.Count(static o => o.Status == "rejected").ToString(),
                g.Count(static o => o.Status == "placed").ToString(),
            }));

        output.WriteLine();
        output.WriteLine($"Synchronous calls (breaker + retry), {faults.Injected} faults injected at rate {faults.FailureRate:0.##}");
        Table(output, ["service", "calls", "retries", "breaker trips", "gave up"],
            calls.All.Select(static s => new[] { s.Name, s.Calls.ToString(), s.Retries.ToString(), s.Trips.ToString(), s.Failed.ToString() }));

        output.WriteLine();
        Table(output, ["", ""],
        [
            ["store", storage.Description],
            ["dead letters (this run)", deadLetters.ToString()],
            ["agent", agentAnswer],
            ["placing orders", $"{placing.TotalSeconds:0.00} s, {placing.TotalMilliseconds / outcomes.Count:0.0} ms per order, {outcomes.Count / placing.TotalSeconds:0} orders/s at concurrency {settings.Concurrency}"],
            ["elapsed", $"{elapsed.TotalSeconds:0.00} s"],
            ["check", consistent ? "every order ended where it should; orders_view agrees with the store" : "NOT consistent (see above)"],
        ]);
        if (!settings.Trace)
        {
            output.WriteLine("Run with --trace to see the saga's spans, with their correlation ids, on the console.");
        }
    }

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        if (header.Any(static h => h.Length > 0))
        {
            output.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
            output.WriteLine("|" + string.Join("|", widths.Select(static w => new string('-', w + 2))) + "|");
        }

        foreach (var row in all)
        {
            output.WriteLine("| " + string.Join(" | ", row.Select((c, i) => int.TryParse(c, out _) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))) + " |");
        }
    }
}
