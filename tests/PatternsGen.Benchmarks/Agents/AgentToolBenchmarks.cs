using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;

namespace PatternsGen.Benchmarks.Agents;

public enum BenchStatus { Open, Shipped, Cancelled }

public sealed record BenchAddress(string Street, string City, string Country, int Floor = 0);

/// <summary>A tool with an object argument, for <see cref="AgentToolInvocationBenchmarks"/>.</summary>
public partial class ShippingTools
{
    /// <summary>Quotes shipping to an address.</summary>
    /// <param name="to">Where the parcel goes.</param>
    [AgentTool] public int Quote(BenchAddress to, int parcels = 1) => to.Floor + parcels;
}

/// <summary>
/// Registration: making the AIFunctions of N tools shaped like the seed's search_orders — the generated
/// GetAgentTools() (schemas are constants, parsed once per process) against Microsoft.Extensions.AI 10.11's
/// AIFunctionFactory.Create on the same methods. The factory caches what it learns per method and
/// JsonSerializerOptions, so it is measured twice: with fresh options per run (what a process pays the first
/// time it creates these tools: reflection and schema generation for each) and with the cache warm (creating
/// the same tools again).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class AgentToolRegistrationBenchmarks
{
    private readonly Tools1 _tools1 = new();
    private readonly Tools10 _tools10 = new();
    private readonly Tools50 _tools50 = new();
    private readonly Tools200 _tools200 = new();
    private object _target = null!;
    private MethodInfo[] _methods = [];

    [Params(1, 10, 50, 200)]
    public int Tools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _target = Tools switch { 1 => _tools1, 10 => _tools10, 50 => _tools50, _ => _tools200 };
        _methods = [.. _target.GetType().GetMethods().Where(static m => m.Name.StartsWith("Search", StringComparison.Ordinal))];
    }

    [Benchmark(Baseline = true)]
    public int Register_AIFunctionFactory_FirstTime()
    {
        var options = new AIFunctionFactoryOptions { SerializerOptions = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions) };
        var count = 0;
        foreach (var method in _methods)
        {
            count += AIFunctionFactory.Create(method, _target, options).Name.Length;
        }

        return count;
    }

    [Benchmark]
    public int Register_AIFunctionFactory_Cached()
    {
        var count = 0;
        foreach (var method in _methods)
        {
            count += AIFunctionFactory.Create(method, _target).Name.Length;
        }

        return count;
    }

    [Benchmark]
    public int Register_PatternsGen() => Tools switch
    {
        1 => _tools1.GetAgentTools().Count,
        10 => _tools10.GetAgentTools().Count,
        50 => _tools50.GetAgentTools().Count,
        _ => _tools200.GetAgentTools().Count,
    };
}

/// <summary>
/// One call with JSON arguments as a model sends them, each way: arguments bound, the method called, its int result
/// handed back (the factory writes it as a JsonElement; the generated tool gives the int itself, which every chat
/// client's serializer writes). <c>Invoke_*</c>: the seed's search_orders ({"customer":…,"status":"Shipped","limit":5});
/// <c>InvokeObject_*</c>: a record argument of four properties ({"to":{"street":…,"city":…,"country":…,"floor":3},"parcels":2}).
/// <c>*_HandWritten</c> is the floor: the same tools bound by hand with only the checks of kind (<see cref="HandWrittenTools"/>).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AgentToolInvocationBenchmarks
{
    private AIFunction _generated = null!;
    private AIFunction _factory = null!;
    private AIFunctionArguments _arguments = null!;
    private AIFunction _generatedObject = null!;
    private AIFunction _factoryObject = null!;
    private AIFunctionArguments _objectArguments = null!;
    private AIFunction _handWritten = null!;
    private AIFunction _handWrittenObject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tools = new Tools1();
        _generated = tools.GetAgentTools()[0];
        _factory = AIFunctionFactory.Create(typeof(Tools1).GetMethod(nameof(Tools1.Search0))!, tools);
        _arguments = Arguments("""{"customer":"ann@example.com","status":"Shipped","limit":5}""");

        var shipping = new ShippingTools();
        _generatedObject = shipping.GetAgentTools()[0];
        _factoryObject = AIFunctionFactory.Create(typeof(ShippingTools).GetMethod(nameof(ShippingTools.Quote))!, shipping);
        _objectArguments = Arguments("""{"to":{"street":"1 Main St","city":"Oslo","country":"NO","floor":3},"parcels":2}""");

        _handWritten = HandWrittenTools.Search(tools);
        _handWrittenObject = HandWrittenTools.Quote(shipping);
        SameResult(_generated, _handWritten, _arguments);
        SameResult(_generatedObject, _handWrittenObject, _objectArguments);
    }

    // The floor is only a floor if it does the same work: the same arguments must give the same result.
    private static void SameResult(AIFunction generated, AIFunction handWritten, AIFunctionArguments arguments)
    {
        var expected = generated.InvokeAsync(arguments).AsTask().GetAwaiter().GetResult();
        var actual = handWritten.InvokeAsync(arguments).AsTask().GetAwaiter().GetResult();
        if (!Equals(expected, actual))
        {
            throw new InvalidOperationException($"{handWritten.Name} gave {actual}, the generated tool {expected}.");
        }
    }

    private static AIFunctionArguments Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AIFunctionArguments(document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone()));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("scalars")]
    public ValueTask<object?> Invoke_AIFunctionFactory() => _factory.InvokeAsync(_arguments);

    [Benchmark, BenchmarkCategory("scalars")]
    public ValueTask<object?> Invoke_PatternsGen() => _generated.InvokeAsync(_arguments);

    [Benchmark, BenchmarkCategory("scalars")]
    public ValueTask<object?> Invoke_HandWritten() => _handWritten.InvokeAsync(_arguments);

    [Benchmark(Baseline = true), BenchmarkCategory("object")]
    public ValueTask<object?> InvokeObject_AIFunctionFactory() => _factoryObject.InvokeAsync(_objectArguments);

    [Benchmark, BenchmarkCategory("object")]
    public ValueTask<object?> InvokeObject_PatternsGen() => _generatedObject.InvokeAsync(_objectArguments);

    [Benchmark, BenchmarkCategory("object")]
    public ValueTask<object?> InvokeObject_HandWritten() => _handWrittenObject.InvokeAsync(_objectArguments);
}
