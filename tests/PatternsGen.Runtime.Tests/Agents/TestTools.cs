using System.ComponentModel;

namespace PatternsGen.Runtime.Tests.Agents;

public enum Priority { Low, Normal, High }

public sealed record Echo(string Name, object?[] Values);

/// <summary>Where an order goes.</summary>
/// <param name="Street">Street and number.</param>
public sealed record Address(string Street, string City, string? Zip = null);

public sealed class LineItem
{
    /// <summary>The product's SKU.</summary>
    public required string ProductId { get; init; }

    public int Quantity { get; set; } = 1;

    public List<string>? Notes { get; set; }
}

public record struct Window(DateTime From, DateTime To)
{
    public bool Inclusive { get; init; }
}

public sealed record Shipment(Address To, LineItem[] Items);

/// <summary>Tools over every supported parameter type; each records what it was called with.</summary>
public partial class TestTools
{
    public List<Echo> Calls { get; } = [];

    /// <summary>Takes one of each scalar type.</summary>
    [AgentTool]
    public string Scalars(string text, bool flag, int small, long big, double real, float single, decimal money, Guid id, DateTime when, DateTimeOffset at, Uri link, Priority priority)
    {
        Calls.Add(new Echo("scalars", [text, flag, small, big, real, single, money, id, when, at, link, priority]));
        return "ok";
    }

    /// <summary>Optional and nullable parameters.</summary>
    [AgentTool]
    public int Optionals(int? maybe, string? note, int count = 3, Priority priority = Priority.Normal, string label = "none", Priority? level = null)
    {
        Calls.Add(new Echo("optionals", [maybe, note, count, priority, label, level]));
        return count;
    }

    /// <summary>Arrays and lists.</summary>
    [AgentTool]
    public async Task<int> Collections(int[] numbers, List<string> names, IReadOnlyList<Priority> levels, int?[]? holes = null, CancellationToken ct = default)
    {
        await Task.Yield();
        Calls.Add(new Echo("collections", [numbers, names, levels, holes]));
        return numbers.Length;
    }

    /// <summary>Objects: a record, a class with required and settable properties, a struct, nested in arrays and in each other.</summary>
    [AgentTool]
    public string Objects(Shipment shipment, Window? window = null, Address? billTo = null)
    {
        Calls.Add(new Echo("objects", [shipment, window, billTo]));
        return shipment.To.City;
    }

    /// <summary>Orders matching a query.</summary>
    [AgentTool("search_orders", Description = "Search the orders of a customer.")]
    public ValueTask<IReadOnlyList<string>> Search([Description("Customer e-mail.")] string customer, int limit = 2) =>
        new((IReadOnlyList<string>)[.. Enumerable.Range(1, limit).Select(i => $"{customer}-{i}")]);
}
