using System.ComponentModel;

namespace PatternsGen.EventSourcing;

/// <summary>
/// An aggregate's version and the events it raised and has not committed: the field behind the generated
/// <c>Version</c>, <c>Raise</c>, <c>GetUncommittedEvents</c> and <c>MarkCommitted</c>. Not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AggregateEvents
{
    private List<object>? _uncommitted;

    /// <summary>The number of events applied.</summary>
    public long Version { readonly get; private set; }

    /// <summary>The uncommitted events, oldest first; empty when there are none.</summary>
    public readonly IReadOnlyList<object> Uncommitted => (IReadOnlyList<object>?)_uncommitted ?? [];

    /// <summary>Counts one applied event.</summary>
    public void Applied() => Version++;

    /// <summary>Records an applied event as uncommitted.</summary>
    public void Raised(object @event) => (_uncommitted ??= []).Add(@event);

    /// <summary>Forgets the uncommitted events. Lists returned earlier keep their contents.</summary>
    public void Commit() => _uncommitted = null;

    internal void RestoredAt(long version) => Version = version;
}
