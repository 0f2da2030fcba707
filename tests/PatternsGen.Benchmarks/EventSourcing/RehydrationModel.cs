namespace PatternsGen.Benchmarks.EventSourcing;

public sealed record OrderPlaced(string OrderId);

public sealed record LineAdded(decimal Amount);

public sealed record LineRemoved(decimal Amount);

public sealed record OrderShipped;

/// <summary>The aggregate as PatternsGen users write it: Apply methods, nothing else.</summary>
[Aggregate]
public partial class GeneratedOrder
{
    public string? Id { get; private set; }

    public decimal Total { get; private set; }

    public bool Shipped { get; private set; }

    private void Apply(OrderPlaced e) => Id = e.OrderId;

    private void Apply(LineAdded e) => Total += e.Amount;

    private void Apply(LineRemoved e) => Total -= e.Amount;

    private void Apply(OrderShipped e) => Shipped = true;
}

/// <summary>
/// The same aggregate folded the way hand-written event-sourcing code often does it: a dictionary
/// from event type to a delegate, looked up for every event.
/// </summary>
public sealed class DictionaryOrder
{
    private static readonly Dictionary<Type, Action<DictionaryOrder, object>> Handlers = new()
    {
        [typeof(OrderPlaced)] = static (o, e) => o.Id = ((OrderPlaced)e).OrderId,
        [typeof(LineAdded)] = static (o, e) => o.Total += ((LineAdded)e).Amount,
        [typeof(LineRemoved)] = static (o, e) => o.Total -= ((LineRemoved)e).Amount,
        [typeof(OrderShipped)] = static (o, _) => o.Shipped = true,
    };

    public string? Id { get; private set; }

    public decimal Total { get; private set; }

    public bool Shipped { get; private set; }

    public long Version { get; private set; }

    public static DictionaryOrder FromEvents(IEnumerable<object> events)
    {
        var order = new DictionaryOrder();
        foreach (var e in events)
        {
            if (!Handlers.TryGetValue(e.GetType(), out var handler))
            {
                throw new InvalidOperationException($"No handler for {e.GetType()}");
            }

            handler(order, e);
            order.Version++;
        }

        return order;
    }
}

/// <summary>The same aggregate folded by reflection: each event's Apply found once per type, then called with MethodInfo.Invoke.</summary>
public sealed class ReflectionOrder
{
    private static readonly Dictionary<Type, System.Reflection.MethodInfo> Methods = new();

    public string? Id { get; private set; }

    public decimal Total { get; private set; }

    public bool Shipped { get; private set; }

    public long Version { get; private set; }

    public static ReflectionOrder FromEvents(IEnumerable<object> events)
    {
        var order = new ReflectionOrder();
        foreach (var e in events)
        {
            var type = e.GetType();
            if (!Methods.TryGetValue(type, out var method))
            {
                method = typeof(ReflectionOrder).GetMethod(nameof(Apply), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, [type])
                         ?? throw new InvalidOperationException($"No Apply for {type}");
                Methods[type] = method;
            }

            method.Invoke(order, [e]);
            order.Version++;
        }

        return order;
    }

    private void Apply(OrderPlaced e) => Id = e.OrderId;

    private void Apply(LineAdded e) => Total += e.Amount;

    private void Apply(LineRemoved e) => Total -= e.Amount;

    private void Apply(OrderShipped e) => Shipped = true;
}
