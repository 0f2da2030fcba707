using System.ClientModel;
using AgentTools;
using Microsoft.Extensions.AI;
using OpenAI;
using PatternsGen.Agents;

// The seed's AI agent with its search_orders tool. The tool's JSON schema was written at build time
// (obj/.../generated/.../AgentTools.OrderTools.AgentTools.g.cs) and its arguments are bound without reflection.
// Offline by default; set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL) to use a real model.

var tools = new OrderTools().GetAgentTools(new AgentToolOptions { JsonOptions = ToolJson.Default.Options });
Console.WriteLine($"Tool {tools[0].Name}: {tools[0].Description}");
Console.WriteLine($"  schema {tools[0].JsonSchema.GetRawText()}");
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
    await tools[0].InvokeAsync(AgentToolJson.ParseArguments("search_orders", """{"customer":"ann@example.com","status":"Lost"}"""));
}
catch (AgentToolArgumentException refused)
{
    Console.WriteLine($"A bad call is refused: {refused.Message}");
}

return response.StoppedAtLimit || response.ToolCalls.Any(static c => c.Outcome != AgentToolOutcome.Succeeded) ? 1 : 0;
