using Shop.Contracts;

namespace Shop.Run;

/// <summary>The outcome table and the checks, as the run prints them at the end.</summary>
public static class Summary
{
    public static void Write(TextWriter output, ShopSettings settings, IReadOnlyList<(OrderPlan Plan, OrderStatus Status)> outcomes,
        IReadOnlyList<TimeSpan> latencies, IReadOnlyList<Check> checks, int kills, string agentAnswer, TimeSpan placing, TimeSpan total)
    {
        string[] statuses = ["shipped", "paid", "cancelled", "rejected"];
        output.WriteLine();
        output.WriteLine($"{"route",-13}{string.Join("", statuses.Select(static s => $"{s,11}"))}");
        foreach (var route in new[] { "saga", "choreography" })
        {
            var of = outcomes.Where(o => o.Plan.Route == route).ToList();
            output.WriteLine($"{route,-13}{string.Join("", statuses.Select(s => $"{of.Count(o => o.Status.Status == s),11}"))}");
        }

        output.WriteLine();
        output.WriteLine($"{outcomes.Count} orders in {placing.TotalSeconds:0.0} s ({outcomes.Count / Math.Max(placing.TotalSeconds, 0.001):0.0} orders/s), " +
            $"{settings.Replicas} instance(s) of each service, {kills} killed with SIGKILL; whole run {total.TotalSeconds:0.0} s");
        foreach (var route in new[] { "saga", "choreography" })
        {
            var sorted = outcomes.Select((o, n) => (o, n)).Where(x => x.o.Plan.Route == route).Select(x => latencies[x.n]).Order().ToArray();
            output.WriteLine($"{route} order, first PUT to its end: median {Percentile(sorted, 0.5)} ms, p99 {Percentile(sorted, 0.99)} ms, worst {Percentile(sorted, 1)} ms");
        }

        if (agentAnswer.Length > 0)
        {
            output.WriteLine($"agent: {agentAnswer}");
        }

        output.WriteLine();
        foreach (var check in checks)
        {
            output.WriteLine($"{(check.Holds ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
        }
    }

    private static string Percentile(TimeSpan[] sorted, double p) =>
        sorted.Length == 0 ? "-" : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)].TotalMilliseconds.ToString("0");
}
