namespace PatternsGen;

/// <summary>
/// Marks a <see langword="partial"/> class as an event-sourced aggregate. PatternsGen generates an
/// apply-switch over the class's <c>Apply(TEvent)</c> methods, together with <c>Version</c>,
/// <c>ApplyEvent</c>, <c>Raise</c>, <c>GetUncommittedEvents</c>, <c>MarkCommitted</c> and <c>FromEvents</c>.
/// </summary>
/// <example>
/// <code>
/// [Aggregate]
/// public partial class Order
/// {
///     public string Status { get; private set; } = "new";
///     private void Apply(OrderPlaced e) => Status = "placed";
///     public void Place(string id) => Raise(new OrderPlaced(id));
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AggregateAttribute : Attribute
{
    /// <summary>
    /// Saves a snapshot of the aggregate's state every <c>n</c> events, so loading reads the newest
    /// snapshot and then only the events after it. 0 (the default) never snapshots.
    /// </summary>
    public int SnapshotEvery { get; set; }
}
