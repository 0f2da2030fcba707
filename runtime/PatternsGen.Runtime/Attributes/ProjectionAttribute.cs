namespace PatternsGen;

/// <summary>
/// Marks a <see langword="partial"/> class as a read model fed from the event store's global stream.
/// Its event-handling methods are dispatched by generated code, and its position in the stream is
/// kept in a durable checkpoint so that a restart continues where it stopped.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class ProjectionAttribute : Attribute
{
}
