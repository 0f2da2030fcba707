using BenchmarkDotNet.Attributes;

namespace PatternsGen.Benchmarks.EventSourcing;

/// <summary>
/// Rebuilding an aggregate of eight event types from 1M events whose Apply bodies only count, so the
/// figures are the dispatch itself: generated type switch, dictionary of delegates, reflection.
/// <see cref="EventOrder.Lifecycle"/> repeats one 20-event life of an order (opened, priced, reserved …
/// closed), as real streams do; <see cref="EventOrder.Random"/> draws every event at random, the worst
/// case for any branch-based dispatch.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private object[] _events = [];

    [Params(1_000_000)]
    public int Events { get; set; }

    [Params(EventOrder.Lifecycle, EventOrder.Random)]
    public EventOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        object[] kinds = [new Opened(), new Renamed(), new Priced(), new Discounted(), new Reserved(), new Released(), new Approved(), new Closed()];
        int[] life = [0, 1, 2, 4, 3, 2, 4, 5, 4, 2, 3, 4, 5, 2, 4, 1, 3, 4, 6, 7];
        var random = new Random(42);
        _events = new object[Events];
        for (var i = 0; i < _events.Length; i++)
        {
            // A fresh object per event, as a store's reads produce.
            var kind = Order == EventOrder.Random ? random.Next(kinds.Length) : life[i % life.Length];
            _events[i] = kinds[kind] switch
            {
                Opened => new Opened(),
                Renamed => new Renamed(),
                Priced => new Priced(),
                Discounted => new Discounted(),
                Reserved => new Reserved(),
                Released => new Released(),
                Approved => new Approved(),
                _ => new Closed(),
            };
        }

        var generated = GeneratedCounter.FromEvents(_events);
        if (generated.Sum != DictionaryCounter.FromEvents(_events).Sum || generated.Sum != ReflectionCounter.FromEvents(_events).Sum)
        {
            throw new InvalidOperationException("The folds disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public long Dispatch_Baseline() => DictionaryCounter.FromEvents(_events).Sum;

    [Benchmark]
    public long Dispatch_Reflection() => ReflectionCounter.FromEvents(_events).Sum;

    [Benchmark]
    public long Dispatch_PatternsGen() => GeneratedCounter.FromEvents(_events).Sum;
}

public enum EventOrder
{
    Lifecycle,
    Random,
}
