using System.IO.Pipelines;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using PatternsGen.Agents;

namespace PatternsGen.Mcp.Tests;

/// <summary>The generated tools served through <see cref="McpAgentTools"/> and called by the C# client in process.</summary>
public sealed class McpServerTests : IAsyncLifetime
{
    private readonly ShopTools _tools = new();
    private readonly Pipe _clientToServer = new(), _serverToClient = new();
    private McpServer _server = null!;
    private Task _running = null!;
    private McpClient _client = null!;

    public async Task InitializeAsync()
    {
        var tools = _tools.GetAgentTools(new AgentToolOptions { JsonOptions = ShopJson.Default.Options });
        _server = McpServer.Create(
            new StreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream()),
            new McpServerOptions { ToolCollection = [.. tools.AsMcpServerTools()] });
        _running = _server.RunAsync();
        _client = await McpClient.CreateAsync(new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream()));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
        await _running;
    }

    [Fact]
    public async Task Lists_the_tools_with_their_generated_names_descriptions_and_schemas()
    {
        var listed = await _client.ListToolsAsync();

        Assert.Equal(["broken", "count_parcels", "get_parcel", "greet", "list_parcels", "parcel_stage"], listed.Select(static t => t.Name).Order());
        var generated = _tools.GetAgentTools().Single(static t => t.Name == "get_parcel");
        var served = listed.Single(static t => t.Name == "get_parcel");
        Assert.Equal("One parcel.", served.Description);
        Assert.Equal(generated.JsonSchema.GetRawText(), served.JsonSchema.GetRawText());
    }

    [Theory]
    [InlineData("greet", """{"name":"ann"}""", "Hello, ann.")]
    [InlineData("count_parcels", """{"customer":"ann"}""", "2")]
    [InlineData("get_parcel", """{"id":"p-1","stage":"Shipped"}""", """{"Id":"p-1","Stage":"Shipped","Weight":1.5}""")]
    [InlineData("list_parcels", """{"customer":"ann"}""", """[{"Id":"ann-1","Stage":"Shipped","Weight":1},{"Id":"ann-2","Stage":"Shipped","Weight":2}]""")]
    [InlineData("parcel_stage", """{"id":"p-1"}""", "\"Shipped\"")]
    public async Task Every_result_shape_comes_back_as_json_written_with_a_context_that_lists_only_the_users_types(string tool, string arguments, string expected)
    {
        var result = await _client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        Assert.True(result.IsError is not true, Text(result));
        Assert.Equal(expected, Text(result));
        Assert.Equal(1, _tools.Calls);
    }

    [Theory]
    [InlineData("list_parcels", """{"customer":42}""", "argument 'customer': expected a string, got the number 42.")]
    [InlineData("get_parcel", """{"id":"p-1","stage":"Lost"}""", "argument 'stage': expected one of \"Placed\", \"Shipped\", got the string \"Lost\".")]
    [InlineData("greet", """{}""", "argument 'name': expected a value (it is required), got nothing.")]
    public async Task A_refused_call_tells_the_client_which_argument_and_what_was_expected(string tool, string arguments, string expected)
    {
        var result = await _client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        Assert.True(result.IsError);
        Assert.Equal($"An error occurred invoking '{tool}': {expected}", Text(result));
        Assert.Equal(0, _tools.Calls);
    }

    [Fact]
    public async Task A_tools_own_exception_keeps_the_fixed_text_and_leaks_nothing()
    {
        var result = await _client.CallToolAsync("broken", new Dictionary<string, object?> { ["id"] = "p-1" });

        Assert.True(result.IsError);
        Assert.Equal("An error occurred invoking 'broken'.", Text(result));
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
