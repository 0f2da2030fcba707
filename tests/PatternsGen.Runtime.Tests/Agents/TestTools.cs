using System.ComponentModel;

namespace PatternsGen.Runtime.Tests.Agents;

public enum Priority { Low, Normal, High }

public sealed record Echo(string Name, object?[] Values);

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

    /// <summary>Orders matching a query.</summary>
    [AgentTool("search_orders", Description = "Search the orders of a customer.")]
    public ValueTask<IReadOnlyList<string>> Search([Description("Customer e-mail.")] string customer, int limit = 2) =>
        new((IReadOnlyList<string>)[.. Enumerable.Range(1, limit).Select(i => $"{customer}-{i}")]);
}
