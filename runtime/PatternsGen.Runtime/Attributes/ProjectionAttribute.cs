namespace PatternsGen;

/// <summary>
/// Marks a <see langword="partial"/> class as a read model fed from the event store's global stream.
/// Its event-handling methods are dispatched by generated code, and its position in the stream is
/// kept in a durable checkpoint so that a restart continues where it stopped.
/// </summary>
/// <remarks>
/// Its methods named <c>Project</c> take the events: <c>void</c>, <c>Task</c> or <c>ValueTask</c>
/// <c>Project(TEvent)</c>, <c>Project(TEvent, CancellationToken)</c> or <c>Project(TEvent, RecordedEvent,
/// CancellationToken)</c> (the recorded event gives the stream id, version, position and timestamp). A
/// <c>Task ResetAsync(CancellationToken)</c> method, if it has one, empties the read model for a rebuild.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ProjectionAttribute : Attribute
{
    /// <summary>
    /// The name its checkpoint is kept under. Default: the class's full name. Set it to keep the checkpoint
    /// when the class is renamed or moved (a new name starts the projection from the beginning).
    /// </summary>
    public string? Name { get; set; }
}
