using BenchmarkDotNet.Attributes;

namespace PatternsGen.Benchmarks.EventSourcing;

/// <summary>Rebuilding an aggregate from its history: the generated type switch against a dictionary-of-delegates fold and reflection.</summary>
[MemoryDiagnoser]
public class RehydrationBenchmarks
{
    private object[] _events = [];

    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var events = new List<object> { new OrderPlaced("o-1") };
        for (var i = 1; events.Count < Events - 1; i++)
        {
            events.Add(i % 4 == 0 ? new LineRemoved(1m) : new LineAdded(2m));
        }

        events.Add(new OrderShipped());
        _events = [.. events];

        // The folds must agree, or the comparison means nothing.
        var generated = GeneratedOrder.FromEvents(_events);
        var dictionary = DictionaryOrder.FromEvents(_events);
        var reflection = ReflectionOrder.FromEvents(_events);
        if (generated.Total != dictionary.Total || generated.Version != dictionary.Version
            || reflection.Total != dictionary.Total || reflection.Version != dictionary.Version)
        {
            throw new InvalidOperationException("The folds disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public decimal Rehydrate_Baseline() => DictionaryOrder.FromEvents(_events).Total;

    [Benchmark]
    public decimal Rehydrate_Reflection() => ReflectionOrder.FromEvents(_events).Total;

    [Benchmark]
    public decimal Rehydrate_PatternsGen() => GeneratedOrder.FromEvents(_events).Total;
}
