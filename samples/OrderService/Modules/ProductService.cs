using OrderService.Services;

namespace OrderService.Modules;

/// <summary>A product of the catalogue, with its price and whether it can be ordered.</summary>
public sealed record Product(string Id, string Name, decimal Price, bool Available);

/// <summary>The product service as a module: the catalogue, reached through its client over the unreliable network.</summary>
public sealed class ProductService(FaultInjector faults)
{
    private static readonly Product[] Products =
    [
        new("keyboard", "Keyboard", 45m, true),
        new("usb-cable", "USB cable", 8m, true),
        new("monitor", "Monitor", 220m, true),
        new("desk", "Desk", 480m, true),
        new("server", "Rack server", 4_800m, true),
        new("typewriter", "Typewriter", 90m, false),
    ];

    public static IReadOnlyList<Product> All => Products;

    /// <summary>GET /products/{id}: the product, or null when there is none.</summary>
    public ValueTask<Product?> GetProductAsync(string id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        faults.MaybeFail("products", $"GET /products/{id}");
        return new ValueTask<Product?>(Products.FirstOrDefault(p => p.Id == id));
    }
}
