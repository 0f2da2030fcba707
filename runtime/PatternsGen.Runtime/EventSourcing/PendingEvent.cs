namespace PatternsGen.EventSourcing;

/// <summary>One event of an append, ready to store: its id, name, JSON and metadata. Made by <see cref="EventEncoder"/>.</summary>
/// <param name="EventId">A new id, time-ordered where the runtime supports version 7 GUIDs.</param>
/// <param name="EventType">The registered name.</param>
/// <param name="Data">The event object.</param>
/// <param name="Json">The event as UTF-8 JSON; <see langword="null"/> when the encoder was asked not to serialize.</param>
/// <param name="Timestamp">The append time from the store's clock.</param>
/// <param name="CorrelationId">From <see cref="EventMetadata"/>.</param>
/// <param name="CausationId">From <see cref="EventMetadata"/>.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the current activity, when there is one.</param>
public readonly record struct PendingEvent(
    Guid EventId,
    string EventType,
    object Data,
    byte[]? Json,
    DateTimeOffset Timestamp,
    string? CorrelationId,
    string? CausationId,
    string? TraceParent = null);
