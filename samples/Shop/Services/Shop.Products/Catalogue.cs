using Shop.Contracts;

namespace Shop.Products;

/// <summary>What the shop sells: now and then a customer asks for the typewriter it no longer does.</summary>
public static class Catalogue
{
    public static readonly IReadOnlyList<Product> All =
    [
        new("keyboard", "Keyboard", 45m, true),
        new("usb-cable", "USB cable", 8m, true),
        new("monitor", "Monitor", 220m, true),
        new("desk", "Desk", 480m, true),
        new("server", "Rack server", 4_800m, true),
        new("typewriter", "Typewriter", 90m, false),
    ];

    public static Product? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
