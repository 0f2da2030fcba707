using System.Globalization;
using Microsoft.Extensions.Logging;
using PatternsGen.EventSourcing;
using PatternsGen.Resilience;
using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>What happens to one message in one handler's queue.</summary>
public sealed partial class RabbitMqEventBus
{
    /// <summary>
    /// Reads the message, runs the handler (through the inbox when it asks for one), and on failure sends the message
    /// on: to a delay queue for its next attempt, or to the dead-letter queue after the last. True when the message
    /// may be acknowledged; false when it must go back to the broker (the bus is stopping).
    /// </summary>
    internal async Task<bool> HandleAsync(HandlerConsumer consumer, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var handler = consumer.Handler;
        var attempt = (int)Math.Clamp(WireFormat.Number(properties, WireFormat.AttemptHeader) ?? 1, 1, int.MaxValue);
        if (!WireFormat.TryRead(properties, body, _json, out var message, out var reason))
        {
            var unreadable = WireFormat.Unreadable(properties, body, reason);
            await DeadLetterAsync(consumer, properties, body, unreadable, new EventSerializationException(reason), attempt).ConfigureAwait(false);
            return true;
        }

        var started = MessagingTelemetry.StartTimestamp();
        var activity = MessagingTelemetry.StartProcess(handler.Name, message, WireFormat.TraceParent(properties), MessagingSystem);
        WireFormat.AddBaggage(activity, properties);
        Exception? failed = null;
        var ct = _stopping.Token;
        try
        {
            if (handler.UsesInbox && await _options.Inbox.HasHandledAsync(handler.Name, message.MessageId, ct).ConfigureAwait(false))
            {
                MessagingTelemetry.Handled(handler.Name, "duplicate");
                return true;
            }

            await handler.Handle(message.Event, new EventContext(message, attempt), ct).ConfigureAwait(false);
            if (handler.UsesInbox)
            {
                await _options.Inbox.MarkHandledAsync(handler.Name, message.MessageId, ct).ConfigureAwait(false);
            }

            MessagingTelemetry.Handled(handler.Name, "handled");
            return true;
        }
        catch (OperationCanceledException error) when (ct.IsCancellationRequested)
        {
            failed = error;
            return false;
        }
        catch (Exception error)
        {
            failed = error;
            if (Backoff.Retries(_options.Retry, error, attempt))
            {
                await RetryLaterAsync(consumer, properties, body, attempt, error).ConfigureAwait(false);
            }
            else
            {
                await DeadLetterAsync(consumer, properties, body, message, error, attempt).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            MessagingTelemetry.Processed(activity, handler.Name, message, started, failed, MessagingSystem);
        }
    }

    /// <summary>
    /// Parks the message in the delay queue of its backoff; the broker sends it back to <paramref name="consumer"/>'s
    /// queue when its time is up. Nothing waits here, and no consumer slot is held meanwhile.
    /// </summary>
    private async Task RetryLaterAsync(HandlerConsumer consumer, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, int attempt, Exception error)
    {
        var retry = _options.Retry;
        var previous = TimeSpan.FromMilliseconds(WireFormat.Number(properties, WireFormat.PreviousDelayHeader) ?? 0);
        var delay = Backoff.After(retry, attempt, error, ref previous);

        var milliseconds = Math.Max(1L, (long)Math.Ceiling(delay.TotalMilliseconds));
        var next = WireFormat.Copy(properties, headers =>
        {
            headers[WireFormat.AttemptHeader] = attempt + 1;
            headers[WireFormat.PreviousDelayHeader] = milliseconds;
        });
        next.Expiration = milliseconds.ToString(CultureInfo.InvariantCulture);
        var exchange = await _topology.DelayExchangeAsync(_publishing!, delay, CancellationToken.None).ConfigureAwait(false);
        await _publisher!.PublishAsync(exchange, consumer.Queue, next, body, CancellationToken.None).ConfigureAwait(false);
        ResilienceTelemetry.Retrying(retry.Name, attempt, delay, error, _options.Logger);
        retry.OnRetry?.Invoke(new RetryAttempt(retry.Name, attempt, delay, error));
    }

    /// <summary>Moves the message to the service's dead-letter queue, with why, from which handler and after how many attempts.</summary>
    private async Task DeadLetterAsync(HandlerConsumer consumer, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, EventMessage message, Exception error, int attempts)
    {
        var letter = new DeadLetter(
            Guid.NewGuid(), message, consumer.Handler.Name, error.GetType().FullName ?? error.GetType().Name, error.Message, attempts, _options.Retry.TimeProvider.GetUtcNow());
        var dead = WireFormat.Copy(properties, headers => DeadLetterHeaders.Write(headers, letter, consumer.Queue));
        await _publisher!.PublishAsync("", _topology.DeadLetterQueue, dead, body, CancellationToken.None).ConfigureAwait(false);
        MessagingTelemetry.DeadLettered(letter, error, _options.Logger);
    }

    /// <summary>Publishes a dead letter's message back to the queue it failed in, as a first attempt.</summary>
    internal ValueTask RequeueAsync(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, string queue) =>
        _publisher!.PublishAsync("", queue, WireFormat.Copy(properties, DeadLetterHeaders.Clear), body, CancellationToken.None);

    internal void LogUnsettled(EventHandlerRegistration handler, string? messageId, Exception error)
    {
        if (_options.Logger is { } logger)
        {
            LogUnsettledMessage(logger, error, "event_handler", handler.Name, messageId);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Handler {Service} could not settle message {MessageId} with the broker; it stays unacknowledged and will be delivered again (pattern={Pattern})")]
    private static partial void LogUnsettledMessage(ILogger logger, Exception error, string pattern, string service, string? messageId);
}
