using System.Reflection;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace PatternsGen.Benchmarks.Agents;

public enum BenchStatus { Open, Shipped, Cancelled }

/// <summary>
/// Registration: making the AIFunctions of N tools shaped like the seed's search_orders — the generated
/// GetAgentTools() (schemas are constants, parsed once per process) against Microsoft.Extensions.AI 10.11's
/// AIFunctionFactory.Create on the same methods (schema built by reflection, each time). Invocation: one call
/// with JSON arguments as a model sends them, each way.
/// </summary>
[MemoryDiagnoser]
public class AgentToolBenchmarks
{
    private readonly Tools1 _tools1 = new();
    private readonly Tools10 _tools10 = new();
    private readonly Tools50 _tools50 = new();
    private readonly Tools200 _tools200 = new();
    private object _target = null!;
    private MethodInfo[] _methods = [];
    private AIFunction _generated = null!;
    private AIFunction _factory = null!;
    private AIFunctionArguments _arguments = null!;

    [Params(1, 10, 50, 200)]
    public int Tools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _target = Tools switch { 1 => _tools1, 10 => _tools10, 50 => _tools50, _ => _tools200 };
        _methods = [.. _target.GetType().GetMethods().Where(static m => m.Name.StartsWith("Search", StringComparison.Ordinal))];
        _generated = _tools1.GetAgentTools()[0];
        _factory = AIFunctionFactory.Create(_methods[0], _target);
        using var json = JsonDocument.Parse("""{"customer":"ann@example.com","status":"Shipped","limit":5}""");
        _arguments = new AIFunctionArguments(json.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone()));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Registration")]
    public int Register_AIFunctionFactory()
    {
        var count = 0;
        foreach (var method in _methods)
        {
            count += AIFunctionFactory.Create(method, _target).Name.Length;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("Registration")]
    public int Register_PatternsGen() => Tools switch
    {
        1 => _tools1.GetAgentTools().Count,
        10 => _tools10.GetAgentTools().Count,
        50 => _tools50.GetAgentTools().Count,
        _ => _tools200.GetAgentTools().Count,
    };

    [Benchmark]
    [BenchmarkCategory("Invocation")]
    public ValueTask<object?> Invoke_AIFunctionFactory() => _factory.InvokeAsync(_arguments);

    [Benchmark]
    [BenchmarkCategory("Invocation")]
    public ValueTask<object?> Invoke_PatternsGen() => _generated.InvokeAsync(_arguments);
}
