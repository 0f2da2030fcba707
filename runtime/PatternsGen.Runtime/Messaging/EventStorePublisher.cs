using PatternsGen.EventSourcing;

namespace PatternsGen.Messaging;

/// <summary>
/// Forwards committed events from an event store's global stream to a bus, with a durable checkpoint:
/// a batch is read after the checkpoint, delivered, and the checkpoint moves past it only once the bus has
/// confirmed each of its messages (<see cref="IConfirmingEventBus.DeliverAsync"/>: the in-memory bus once every
/// handler has handled or dead-lettered it, a broker once it holds it). A crash between append and publish, or in
/// the middle of a batch, loses nothing: the next run delivers again from the checkpoint (handlers that
/// must not see a message twice use the inbox; the message id is the event id).
/// </summary>
public sealed class EventStorePublisher
{
    private readonly IEventStore _store;
    private readonly IConfirmingEventBus _bus;
    private readonly ICheckpointStore _checkpoints;
    private readonly EventStorePublisherOptions _options;

    /// <summary>Creates the publisher.</summary>
    public EventStorePublisher(IEventStore store, IConfirmingEventBus bus, ICheckpointStore checkpoints, EventStorePublisherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(checkpoints);
        _options = options ?? new EventStorePublisherOptions();
        ArgumentException.ThrowIfNullOrEmpty(_options.Name, nameof(options.Name));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options.BatchSize));
        (_store, _bus, _checkpoints) = (store, bus, checkpoints);
    }

    /// <summary>
    /// Delivers everything after the checkpoint, batch by batch, moving the checkpoint after each; returns
    /// how many events were delivered.
    /// </summary>
    public async Task<int> PublishPendingAsync(CancellationToken ct = default)
    {
        var checkpoint = await _checkpoints.GetAsync(_options.Name, ct).ConfigureAwait(false);
        var delivered = 0;
        var batch = new List<RecordedEvent>(_options.BatchSize);
        while (true)
        {
            batch.Clear();
            await foreach (var e in _store.ReadAllAsync(checkpoint, ct).ConfigureAwait(false))
            {
                batch.Add(e);
                if (batch.Count == _options.BatchSize)
                {
                    break;
                }
            }

            if (batch.Count == 0)
            {
                return delivered;
            }

            var deliveries = new List<Task>(batch.Count);
            foreach (var e in batch)
            {
                if (_options.Filter?.Invoke(e) ?? true)
                {
                    deliveries.Add(_bus.DeliverAsync(EventMessage.From(e), ct));
                }
            }

            await Task.WhenAll(deliveries).ConfigureAwait(false);
            checkpoint = batch[^1].Position;

            // The batch is handled: record it even when stopping, or the next start delivers it all again.
            await _checkpoints.SetAsync(_options.Name, checkpoint, CancellationToken.None).ConfigureAwait(false);
            delivered += deliveries.Count;
        }
    }

    /// <summary>
    /// Publishes what is pending, then each new event as it is appended, until <paramref name="ct"/> is
    /// cancelled. Appends in this process wake it at once; other processes' at the next poll.
    /// </summary>
    public Task RunAsync(CancellationToken ct) =>
        GlobalStreamFollower.RunAsync(_store, PublishPendingAsync, _options.PollInterval, _options.TimeProvider, ct);
}

/// <summary>Settings of an <see cref="EventStorePublisher"/>.</summary>
public sealed class EventStorePublisherOptions
{
    /// <summary>The checkpoint's name. Default <c>"event-bus"</c>; give each publisher of one store its own.</summary>
    public string Name { get; set; } = "event-bus";

    /// <summary>
    /// Which stored events go to the bus; null (the default) sends every one. A service that keeps more events than it
    /// shares (its aggregates' inner steps, its saga log) names what other services may see, as with
    /// <c>e => e.Data is OrderPlaced</c>: a broker refuses an event no service subscribes to. Events left out move
    /// the checkpoint like the others.
    /// </summary>
    public Func<RecordedEvent, bool>? Filter { get; set; }

    /// <summary>Events read and delivered per checkpoint. Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>How often to look for events appended by other processes. Default 500 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The clock the poll waits on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
