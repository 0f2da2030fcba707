using Shop.Contracts;

namespace Shop.Run;

/// <summary>One order to place, drawn before the run so that a seed gives the same orders at any concurrency.</summary>
public sealed record OrderPlan(string Id, string CustomerId, string Route, IReadOnlyList<OrderLine> Lines)
{
    /// <summary>What customers put in their baskets, most often first: now and then a server (over payments' credit limit) or the typewriter no longer sold.</summary>
    private static readonly string[] Basket =
        ["keyboard", "keyboard", "keyboard", "usb-cable", "usb-cable", "usb-cable", "monitor", "monitor", "desk", "desk", "server", "typewriter"];

    private static readonly string[] Customers = ["u-ada", "u-alan", "u-grace", "u-edsger", "u-barbara"];

    /// <summary><paramref name="count"/> orders, odd ones through the saga and even ones through the choreography; ids tagged with the run.</summary>
    public static IReadOnlyList<OrderPlan> Draw(int count, int seed)
    {
        var random = new Random(seed);
        var run = Guid.NewGuid().ToString("N")[..6]; // the databases keep earlier runs' orders: new ids every run
        return [.. Enumerable.Range(1, count).Select(n => new OrderPlan(
            $"o-{run}-{n:0000}",
            Customers[random.Next(Customers.Length)],
            n % 2 == 1 ? "saga" : "choreography",
            [.. Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => new OrderLine(Basket[random.Next(Basket.Length)], random.Next(1, 3)))
                .DistinctBy(static l => l.ProductId)]))];
    }
}
