using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using PatternsGen;

// Usage: PatternsGen.ColdStart generated | factory | factory-context
// Prints how long after Main the first tool's schema text was in hand. measure.sh runs each mode in fresh
// processes, JIT and Native AOT, and times whole processes with hyperfine.
var mode = args.Length > 0 ? args[0] : "generated";
var clock = Stopwatch.StartNew();
var tools = new ColdTools();
try
{
    var tool = mode switch
    {
        "generated" => tools.GetAgentTools()[0],
        "factory" => AIFunctionFactory.Create(tools.SearchOrders),
        "factory-context" => AIFunctionFactory.Create(tools.SearchOrders, new AIFunctionFactoryOptions { SerializerOptions = ColdJson.WithStatus }),
        _ => throw new ArgumentException($"unknown mode '{mode}': generated, factory or factory-context"),
    };
    var schema = tool.JsonSchema.GetRawText();
    var elapsed = clock.Elapsed;
    Console.WriteLine($"{mode}: first schema {elapsed.TotalMilliseconds:F3} ms after Main ({schema.Length} characters)");
    return 0;
}
catch (Exception error)
{
    Console.WriteLine($"{mode}: failed after {clock.Elapsed.TotalMilliseconds:F3} ms: {error.GetType().Name}: {error.Message}");
    return 1;
}

public enum ColdStatus { Open, Shipped, Cancelled }

/// <summary>The seed's search_orders tool, as both ways see it.</summary>
public partial class ColdTools
{
    /// <summary>Finds a customer's orders, newest first.</summary>
    /// <param name="customer">The customer's e-mail address.</param>
    [AgentTool("search_orders")]
    [Description("Finds a customer's orders, newest first.")]
    public int SearchOrders([Description("The customer's e-mail address.")] string customer, ColdStatus status = ColdStatus.Open, int limit = 10) => limit;
}

/// <summary>What the factory needs under Native AOT: metadata for the enum parameter, beside its defaults.</summary>
[JsonSerializable(typeof(ColdStatus))]
internal sealed partial class ColdJson : JsonSerializerContext
{
    public static JsonSerializerOptions WithStatus { get; } = new(AIJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Default, AIJsonUtilities.DefaultOptions.TypeInfoResolver),
    };
}
