namespace PatternsGen;

/// <summary>
/// Marks a <see langword="partial"/> class as an event-sourced aggregate. PatternsGen generates an
/// apply-switch over the class's <c>Apply(TEvent)</c> methods, together with <c>Version</c>,
/// <c>ApplyEvent</c>, <c>Raise</c>, <c>GetUncommittedEvents</c>, <c>MarkCommitted</c>, <c>FromEvents</c>,
/// <c>LoadAsync</c> and <c>SaveAsync</c>.
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
    /// snapshot and then only the events after it. 0 (the default) never snapshots. The aggregate
    /// declares how its state is captured: <c>TState CreateSnapshot()</c> and
    /// <c>void RestoreSnapshot(TState state)</c> (PGEN207 reports them missing).
    /// </summary>
    public int SnapshotEvery { get; set; }

    /// <summary>
    /// The schema of the snapshot state, stored with each snapshot. Raise it when the state type
    /// changes shape: older snapshots are then ignored and the aggregate is rebuilt from its events.
    /// Default 1.
    /// </summary>
    public int SnapshotVersion { get; set; } = 1;
}
