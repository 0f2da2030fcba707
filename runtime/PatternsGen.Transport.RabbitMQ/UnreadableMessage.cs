namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// What a dead letter holds when its message could not be read as an event: another producer's message, a corrupted
/// body, or an event this service does not know. It never reaches a handler.
/// </summary>
/// <param name="EventName">The name it arrived under (the AMQP <c>type</c>), if any.</param>
/// <param name="Reason">Why it could not be read.</param>
/// <param name="Body">Its bytes, as received.</param>
public sealed record UnreadableMessage(string? EventName, string Reason, byte[] Body);
