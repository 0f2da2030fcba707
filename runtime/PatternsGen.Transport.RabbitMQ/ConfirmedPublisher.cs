using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// Publishes with publisher confirms, persistent and mandatory: a publish completes only once the broker holds the
/// message, and throws when the broker refuses it (a nack), cannot route it (no queue is bound for it) or the
/// connection is down. Its channel is reopened after the broker closed it (a refused declaration closes a channel;
/// a lost connection is recovered by the client).
/// </summary>
internal sealed class ConfirmedPublisher(IConnection connection) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IChannel? _channel;

    public async ValueTask PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        try
        {
            var channel = _channel is { IsOpen: true } open ? open : await OpenAsync(ct).ConfigureAwait(false);
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, ct).ConfigureAwait(false);
        }
        catch (PublishReturnException returned)
        {
            throw new EventBusException(
                $"The broker could not route '{properties.Type}' message {properties.MessageId} ({returned.ReplyText}): no queue is bound to " +
                $"'{routingKey}' on exchange '{exchange}'. Start a service that handles it first (its bus declares its queues), or stop publishing it (a store publisher's Filter names the events it sends).", returned);
        }
        catch (PublishException refused)
        {
            throw new EventBusException($"The broker refused '{properties.Type}' message {properties.MessageId} (a negative confirm); it was not stored.", refused);
        }
        catch (Exception down) when (down is AlreadyClosedException or OperationInterruptedException)
        {
            throw new EventBusException($"'{properties.Type}' message {properties.MessageId} was not confirmed: the connection to the broker is down ({down.Message}). It may or may not have been stored.", down);
        }
    }

    private async ValueTask<IChannel> OpenAsync(CancellationToken ct)
    {
        await _opening.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: true } open)
            {
                return open;
            }

            if (!connection.IsOpen)
            {
                // The client is recovering the connection, and this channel with it.
                throw new AlreadyClosedException(connection.CloseReason!);
            }

            if (_channel is not null)
            {
                await _channel.DisposeAsync().ConfigureAwait(false);
            }

            _channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
            return _channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        _opening.Dispose();
    }
}
