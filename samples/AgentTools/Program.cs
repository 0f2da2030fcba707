using System.ClientModel;
using AgentTools;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using OpenAI;
using PatternsGen.Agents;

// An AI agent with order tools. The tools' JSON schemas were written at build time
// (obj/.../generated/.../AgentTools.OrderTools.AgentTools.g.cs) and their arguments are bound without reflection.
// Offline by default; set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL) to use a real model.
// With --mcp it serves the same tools over MCP on standard input and output instead.

var tools = new OrderTools().GetAgentTools(new AgentToolOptions { JsonOptions = ToolJson.Default.Options });
if (args is ["--mcp"])
{
    // An MCP server on standard input and output, for an editor or a desktop assistant (docs/agent-tools.md).
    // Nothing else may be written to standard output: it carries the protocol.
    await using var server = McpServer.Create(
        new StdioServerTransport("AgentTools"),
        new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "AgentTools", Version = "1.0.0" },
            ToolCollection = [.. tools.AsMcpServerTools()],
        });
    await server.RunAsync();
    return 0;
}

var search = tools.Single(static t => t.Name == "search_orders");
Console.WriteLine($"Tool {search.Name}: {search.Description}");
Console.WriteLine($"  schema {search.JsonSchema.GetRawText()}");
Console.WriteLine($"  and {string.Join(", ", tools.Where(t => t != search).Select(static t => t.Name))}");
Console.WriteLine();

IChatClient model = Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } key
    ? new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
        {
            Endpoint = Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } url ? new Uri(url) : null,
        })
        .GetChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini")
        .AsIChatClient()
    : new ScriptedChatClient();

var agent = new AgentService(model, tools, new AgentOptions { MaxIterations = 5, Instructions = "You answer questions about orders. Use the tools." });
var prompt = args.Length > 0 ? string.Join(' ', args) : "What has ann@example.com ordered recently?";
Console.WriteLine($"> {prompt}");
var response = await agent.RunAsync(prompt);

foreach (var call in response.ToolCalls)
{
    Console.WriteLine($"  tool {call.ToolName} ({call.CallId}): {call.Outcome}{(call.Error is null ? "" : " — " + call.Error)}");
}

Console.WriteLine(response.Text);
Console.WriteLine($"({response.Iterations} model calls, {response.Usage.TotalTokenCount ?? 0} tokens)");

// A bad call is refused before the method runs, naming the argument.
try
{
    await search.InvokeAsync(AgentToolJson.ParseArguments("search_orders", """{"customer":"ann@example.com","status":"Lost"}"""));
}
catch (AgentToolArgumentException refused)
{
    Console.WriteLine($"A bad call is refused: {refused.Message}");
}

return response.StoppedAtLimit || response.ToolCalls.Any(static c => c.Outcome != AgentToolOutcome.Succeeded) ? 1 : 0;
