using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Shop.Run;

/// <summary>
/// What an AI assistant would ask the orders service: it connects to <c>/mcp</c> as any MCP client does, lists the
/// tools, and calls search_orders for a customer. The check: the tool returns that customer's orders of this run.
/// </summary>
public static class AgentQuestion
{
    public static async Task<(Check Check, string Answer)> AskAsync(Uri orders, string email, IReadOnlyCollection<string> expectedIds, CancellationToken ct)
    {
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(orders, "mcp"), Name = "shop-launcher" }), cancellationToken: ct);
        var tools = await client.ListToolsAsync(cancellationToken: ct);
        var result = await client.CallToolAsync("search_orders", new Dictionary<string, object?> { ["customer"] = email, ["limit"] = 50 }, cancellationToken: ct);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(static b => b.Text));
        if (result.IsError == true)
        {
            return (new Check("search_orders over MCP", false, text), text);
        }

        // Newest first, at most 50: this run's orders come before any an earlier run left in the database.
        var found = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(static row => row.GetProperty("id").GetString()!).ToList();
        var ofThisRun = found.Count(expectedIds.Contains);
        var expected = Math.Min(expectedIds.Count, 50);
        var answer = $"tools/list: {string.Join(", ", tools.Select(static t => t.Name))}; search_orders(\"{email}\") → {found.Count} orders";
        return (new Check("search_orders over MCP finds the customer's orders", ofThisRun == expected,
            $"{ofThisRun} of {email}'s {expectedIds.Count} orders of this run, newest first (at most 50)"), answer);
    }
}
