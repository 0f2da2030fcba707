using System.IO.Pipelines;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace PatternsGen.Runtime.Tests.Agents;

/// <summary>The generated tools served, unchanged, by a ModelContextProtocol server, and called by its client in process.</summary>
public sealed class McpServerTests
{
    [Fact]
    public async Task A_client_lists_the_generated_tools_with_their_schemas_and_calls_them()
    {
        var tools = new TestTools();
        Pipe clientToServer = new(), serverToClient = new();
        await using var server = McpServer.Create(
            new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream()),
            new McpServerOptions { ToolCollection = [.. tools.GetAgentTools().Select(static f => McpServerTool.Create(f))] });
        var running = server.RunAsync();
        await using var client = await McpClient.CreateAsync(new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()));

        var listed = await client.ListToolsAsync();

        Assert.Equal(["collections", "objects", "optionals", "scalars", "search_orders"], listed.Select(static t => t.Name).Order());
        var search = listed.Single(static t => t.Name == "search_orders");
        Assert.Equal("Search the orders of a customer.", search.Description);
        Assert.Equal(tools.GetAgentTools().Single(static t => t.Name == "search_orders").JsonSchema.GetRawText(), search.JsonSchema.GetRawText());

        var result = await client.CallToolAsync("search_orders", new Dictionary<string, object?> { ["customer"] = "ann", ["limit"] = 2 });
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("""["ann-1","ann-2"]""", JsonSerializer.Serialize(JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text).RootElement));

        var refused = await client.CallToolAsync("search_orders", new Dictionary<string, object?> { ["customer"] = 42 });
        // Refused before the method ran. The SDK reports any tool exception but McpException with a fixed text
        // ("An error occurred invoking 'search_orders'."), so over MCP the model does not see which argument was wrong.
        Assert.True(refused.IsError);
        Assert.Contains("search_orders", Assert.IsType<TextContentBlock>(Assert.Single(refused.Content)).Text, StringComparison.Ordinal);
        Assert.Empty(tools.Calls);

        await client.DisposeAsync();
        await server.DisposeAsync();
        await running;
    }
}
