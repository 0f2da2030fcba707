namespace PatternsGen.Benchmarks.EventSourcing;

// Eight event types, as a typical aggregate has, with Apply bodies that only count: what is left
// to measure is the dispatch from an event object to its Apply method.
public sealed record Opened;
public sealed record Renamed;
public sealed record Priced;
public sealed record Discounted;
public sealed record Reserved;
public sealed record Released;
public sealed record Approved;
public sealed record Closed;

[Aggregate]
public partial class GeneratedCounter
{
    public long Sum { get; private set; }

    private void Apply(Opened e) => Sum += 1;
    private void Apply(Renamed e) => Sum += 2;
    private void Apply(Priced e) => Sum += 3;
    private void Apply(Discounted e) => Sum += 4;
    private void Apply(Reserved e) => Sum += 5;
    private void Apply(Released e) => Sum += 6;
    private void Apply(Approved e) => Sum += 7;
    private void Apply(Closed e) => Sum += 8;
}

public sealed class DictionaryCounter
{
    private static readonly Dictionary<Type, Action<DictionaryCounter, object>> Handlers = new()
    {
        [typeof(Opened)] = static (c, _) => c.Sum += 1,
        [typeof(Renamed)] = static (c, _) => c.Sum += 2,
        [typeof(Priced)] = static (c, _) => c.Sum += 3,
        [typeof(Discounted)] = static (c, _) => c.Sum += 4,
        [typeof(Reserved)] = static (c, _) => c.Sum += 5,
        [typeof(Released)] = static (c, _) => c.Sum += 6,
        [typeof(Approved)] = static (c, _) => c.Sum += 7,
        [typeof(Closed)] = static (c, _) => c.Sum += 8,
    };

    public long Sum { get; private set; }

    public long Version { get; private set; }

    public static DictionaryCounter FromEvents(IEnumerable<object> events)
    {
        var counter = new DictionaryCounter();
        foreach (var e in events)
        {
            if (!Handlers.TryGetValue(e.GetType(), out var handler))
            {
                throw new InvalidOperationException($"No handler for {e.GetType()}");
            }

            handler(counter, e);
            counter.Version++;
        }

        return counter;
    }
}

public sealed class ReflectionCounter
{
    private static readonly Dictionary<Type, System.Reflection.MethodInfo> Methods = new();

    public long Sum { get; private set; }

    public long Version { get; private set; }

    public static ReflectionCounter FromEvents(IEnumerable<object> events)
    {
        var counter = new ReflectionCounter();
        foreach (var e in events)
        {
            var type = e.GetType();
            if (!Methods.TryGetValue(type, out var method))
            {
                method = typeof(ReflectionCounter).GetMethod(nameof(Apply), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, [type])
                         ?? throw new InvalidOperationException($"No Apply for {type}");
                Methods[type] = method;
            }

            method.Invoke(counter, [e]);
            counter.Version++;
        }

        return counter;
    }

    private void Apply(Opened e) => Sum += 1;
    private void Apply(Renamed e) => Sum += 2;
    private void Apply(Priced e) => Sum += 3;
    private void Apply(Discounted e) => Sum += 4;
    private void Apply(Reserved e) => Sum += 5;
    private void Apply(Released e) => Sum += 6;
    private void Apply(Approved e) => Sum += 7;
    private void Apply(Closed e) => Sum += 8;
}
