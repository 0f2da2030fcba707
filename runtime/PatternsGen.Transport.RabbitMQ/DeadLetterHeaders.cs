using System.Globalization;
using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>What a dead letter carries besides its message: which handler failed, in which queue, why, and how often.</summary>
internal static class DeadLetterHeaders
{
    private const string LetterId = "patternsgen-letter-id";
    private const string Handler = "patternsgen-handler";
    private const string Queue = "patternsgen-queue";
    private const string ErrorType = "patternsgen-error-type";
    private const string Error = "patternsgen-error";
    private const string Attempts = "patternsgen-attempts";
    private const string FailedAt = "patternsgen-failed-at";

    public static void Write(Dictionary<string, object?> headers, DeadLetter letter, string queue)
    {
        headers[LetterId] = letter.Id.ToString();
        headers[Handler] = letter.Handler;
        headers[Queue] = queue;
        headers[ErrorType] = letter.ErrorType;
        headers[Error] = letter.Error.Length > 4000 ? letter.Error[..4000] : letter.Error; // headers share a frame with the body's metadata
        headers[Attempts] = letter.Attempts;
        headers[FailedAt] = letter.FailedAt.ToUnixTimeMilliseconds();
    }

    /// <summary>Takes the letter's headers off for a replay: the message starts again at its first attempt.</summary>
    public static void Clear(Dictionary<string, object?> headers)
    {
        foreach (var name in (string[])[LetterId, Handler, Queue, ErrorType, Error, Attempts, FailedAt, WireFormat.AttemptHeader, WireFormat.PreviousDelayHeader])
        {
            headers.Remove(name);
        }
    }

    /// <summary>
    /// Reads a letter. One the broker dead-lettered by itself (delivered <see cref="RabbitMqBusOptions.DeliveryLimit"/> times
    /// without a verdict) has no PatternsGen headers: its queue comes from the broker's <c>x-first-death-queue</c>.
    /// </summary>
    public static DeadLetter Read(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, RabbitMqEventBus bus, out string? queue)
    {
        queue = WireFormat.Text(properties, Queue) ?? WireFormat.Text(properties, "x-first-death-queue");
        var message = WireFormat.TryRead(properties, body, bus.Encoder, out var read, out var reason) ? read : WireFormat.Unreadable(properties, body, reason);
        var id = Guid.TryParse(WireFormat.Text(properties, LetterId), out var letterId) ? letterId : message.MessageId;
        if (WireFormat.Text(properties, Handler) is { } handler)
        {
            var failedAt = WireFormat.Number(properties, FailedAt) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
            return new DeadLetter(
                id, message, handler, WireFormat.Text(properties, ErrorType) ?? "", WireFormat.Text(properties, Error) ?? "",
                (int)(WireFormat.Number(properties, Attempts) ?? 0), failedAt);
        }

        var reasonGiven = WireFormat.Text(properties, "x-first-death-reason") ?? "unknown";
        return new DeadLetter(
            id, message, bus.HandlerOf(queue)?.Name ?? queue ?? "(unknown)", "RabbitMQ." + reasonGiven,
            string.Format(CultureInfo.InvariantCulture,
                "The broker dead-lettered it from queue '{0}' ({1}): delivered {2} times with no outcome, so every consumer that took it stopped or crashed before finishing.",
                queue, reasonGiven, bus.Options.DeliveryLimit),
            (int)(WireFormat.Number(properties, "x-delivery-count") ?? bus.Options.DeliveryLimit), DeathTime(properties));
    }

    private static DateTimeOffset DeathTime(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers && headers.TryGetValue("x-death", out var deaths) && deaths is IList<object?> { Count: > 0 } list
            && list[0] is IDictionary<string, object?> first && first.TryGetValue("time", out var time) && time is AmqpTimestamp stamp
            ? DateTimeOffset.FromUnixTimeSeconds(stamp.UnixTime)
            : DateTimeOffset.MinValue;
}
