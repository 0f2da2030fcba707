using System.ComponentModel;

namespace PatternsGen.EventSourcing;

/// <summary>
/// An <c>[Aggregate]</c> class as its generated code presents it to <see cref="Aggregates"/>, which loads, saves and
/// snapshots every aggregate the same way: the generated part of a class is only what differs per class.
/// </summary>
public interface IEventSourced
{
    /// <summary>The number of events applied; 0 for a new aggregate.</summary>
    long Version { get; }

    /// <summary>Applies one event through the matching <c>Apply</c> method.</summary>
    void ApplyEvent(object @event);

    /// <summary>The events raised since the aggregate was loaded or last committed, oldest first.</summary>
    IReadOnlyList<object> GetUncommittedEvents();

    /// <summary>Forgets the uncommitted events once they are stored.</summary>
    void MarkCommitted();

    /// <summary>The version and uncommitted events, kept for the generated members. Not meant to be used directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    ref AggregateEvents Events { get; }
}

/// <summary>An <see cref="IEventSourced"/> class that can be created empty, so that it can be loaded.</summary>
/// <typeparam name="TSelf">The aggregate class itself.</typeparam>
public interface IEventSourced<TSelf> : IEventSourced
    where TSelf : class, IEventSourced<TSelf>
{
    /// <summary>A new aggregate through the class's parameterless constructor (private ones too). Not meant to be called directly.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    static abstract TSelf CreateEmpty();
}

/// <summary>
/// An aggregate whose state is captured in snapshots: its own <c>CreateSnapshot</c> and <c>RestoreSnapshot</c>
/// methods, which the generated code exposes through this interface.
/// </summary>
/// <typeparam name="TState">The snapshot's state type.</typeparam>
public interface ISnapshotSource<TState>
{
    /// <summary>The aggregate's state as it is now.</summary>
    TState CreateSnapshot();

    /// <summary>Puts the aggregate in <paramref name="state"/>.</summary>
    void RestoreSnapshot(TState state);
}
