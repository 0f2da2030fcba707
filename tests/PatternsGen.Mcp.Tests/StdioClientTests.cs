using System.Reflection;
using System.Text.Json.Nodes;
using PatternsGen.Tests;

namespace PatternsGen.Mcp.Tests;

/// <summary>
/// <c>dotnet run --project samples/AgentTools -- --mcp</c> as an editor or a desktop assistant runs it: a child process on standard input and output,
/// driven by the official TypeScript client (npm <c>@modelcontextprotocol/sdk</c>, the version in StdioClient/package-lock.json).
/// </summary>
public sealed class StdioClientTests
{
    private static readonly string ClientFolder = Path.Combine(PatternsGen.Tests.Repository.Root, "tests", "PatternsGen.Mcp.Tests", "StdioClient");

    // The sample was built with this project (a project reference), in its configuration: run it as built.
    private static readonly string Configuration = typeof(StdioClientTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(static a => a.Key == "Configuration").Value!;

    private static readonly string Sample = Path.Combine(PatternsGen.Tests.Repository.Root, "samples", "AgentTools");

    [SkippableFact]
    public async Task The_official_typescript_client_lists_the_samples_tools_calls_each_result_shape_and_reads_refusals()
    {
        Skip.If(Which("node") is null || Which("npm") is null, "Node.js and npm are not installed: apt-get install -y nodejs npm, then run the tests again.");
        await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], stdin: null);

        var report = JsonNode.Parse(await RunAsync("node", ["client.mjs", "dotnet", "run", "--no-build", "-c", Configuration, "--project", Sample, "--", "--mcp"], stdin: """
            [
              { "name": "search_orders", "arguments": { "customer": "ann@example.com", "limit": 1 } },
              { "name": "get_order", "arguments": { "orderId": "o-1003" } },
              { "name": "order_status", "arguments": { "orderId": "o-1001" } },
              { "name": "count_orders", "arguments": { "customer": "ann@example.com" } },
              { "name": "summarize_customer", "arguments": { "customer": "bob@example.com" } },
              { "name": "search_orders", "arguments": { "customer": 42 } },
              { "name": "search_orders", "arguments": { "customer": "ann@example.com", "status": "Lost" } },
              { "name": "get_order", "arguments": { "orderId": "o-404" } }
            ]
            """))!;

        var tools = report["tools"]!.AsArray();
        Assert.Equal(["count_orders", "get_order", "order_status", "search_orders", "summarize_customer"], tools.Select(static t => (string)t!["name"]!).Order());
        var search = tools.Single(static t => (string)t!["name"]! == "search_orders")!;
        Assert.Equal("Finds a customer's orders, newest first.", (string)search["description"]!);
        Assert.Equal(["customer"], search["inputSchema"]!["required"]!.AsArray().Select(static r => (string)r!));

        var results = report["results"]!.AsArray().Select(static r => (Error: (bool)r!["isError"]!, Text: (string)r["content"]![0]!["text"]!)).ToArray();
        Assert.Equal((false, """[{"Id":"o-1002","Customer":"ann@example.com","Status":"Shipped","Total":19.99,"PlacedOn":"2026-11-20"}]"""), results[0]);
        Assert.Equal((false, """{"Id":"o-1003","Customer":"bob@example.com","Status":"Pending","Total":1250.00,"PlacedOn":"2026-11-23"}"""), results[1]);
        Assert.Equal((false, "\"Delivered\""), results[2]);
        Assert.Equal((false, "2"), results[3]);
        Assert.Equal((false, "bob@example.com has 1 orders totalling 1250.00, the latest on 2026-11-23."), results[4]);
        Assert.Equal((true, "An error occurred invoking 'search_orders': argument 'customer': expected a string, got the number 42."), results[5]);
        Assert.Equal((true, "An error occurred invoking 'search_orders': argument 'status': expected one of \"Pending\", \"Shipped\", \"Delivered\", \"Cancelled\", got the string \"Lost\"."), results[6]);
        Assert.Equal((true, "An error occurred invoking 'get_order'."), results[7]); // the tool's own KeyNotFoundException stays inside
    }

    private static async Task<string> RunAsync(string command, string[] arguments, string? stdin)
    {
        var (exitCode, output, all) = await ChildProcess.RunAsync(Which(command)!, ClientFolder, arguments, input: stdin, timeout: TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"{command} {string.Join(' ', arguments)} exited with {exitCode}:\n{all}");
        return output;
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
}
