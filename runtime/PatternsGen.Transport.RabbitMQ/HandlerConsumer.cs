using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// Runs one handler over the messages of one of its queues. A message is acknowledged only after its outcome is
/// safe: handled (and marked in the inbox), or moved on — to a delay queue for its next attempt, or to the dead-letter
/// queue — with the broker's confirm. Whatever happens in between (a crash, a lost connection) leaves the message
/// unacknowledged, and the broker delivers it again.
/// </summary>
internal sealed class HandlerConsumer(RabbitMqEventBus bus, EventHandlerRegistration handler, IChannel channel, string queue) : AsyncDefaultBasicConsumer(channel)
{
    public EventHandlerRegistration Handler { get; } = handler;

    /// <summary>The queue it consumes: where a retry comes back to.</summary>
    public string Queue { get; } = queue;

    public override async Task HandleBasicDeliverAsync(
        string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey,
        IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (!bus.Enter())
        {
            return; // stopping: left unacknowledged, the broker gives it to another instance
        }

        try
        {
            var settled = await bus.HandleAsync(this, properties, body).ConfigureAwait(false);
            if (settled)
            {
                await Channel.BasicAckAsync(deliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            // The outcome could not be made safe (the broker went away mid-way). The message goes back to the queue:
            // with its channel if that closed, else after a pause, so that a broker in trouble is not hammered.
            // The inbox keeps a handler that finished from running twice.
            bus.LogUnsettled(Handler, properties.MessageId, error);
            await ReturnLaterAsync(deliveryTag).ConfigureAwait(false);
        }
        finally
        {
            bus.Exit();
        }
    }

    private async Task ReturnLaterAsync(ulong deliveryTag)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), bus.Options.Retry.TimeProvider).ConfigureAwait(false);
            if (Channel.IsOpen)
            {
                await Channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The channel closed meanwhile: the broker has taken the message back itself.
        }
    }
}
