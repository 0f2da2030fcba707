using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using PatternsGen.Resilience;

namespace PatternsGen.Messaging;

/// <summary>
/// The embedded bus: every handler that takes a message gets it, on a pool of lanes. A message's key
/// picks its lane for each handler, so the messages of one key (one stream) reach a handler one at a
/// time and in order. A failing handler is retried (<see cref="EventBusOptions.Retry"/>) on its lane;
/// after the last attempt the message goes to the dead-letter queue. Handlers that opt in are
/// de-duplicated by message id through the inbox.
/// </summary>
/// <remarks>
/// Messages wait in memory: a process that dies loses the ones not yet handled. Publish committed
/// events through an <see cref="EventStorePublisher"/>, which forwards them from the event store with a
/// durable checkpoint, and nothing is lost.
/// </remarks>
public sealed class InMemoryEventBus : IConfirmingEventBus, IAsyncDisposable
{
    private readonly EventHandlerRegistration[] _handlers;
    private readonly Dictionary<string, int> _byName;
    private readonly ConcurrentDictionary<(Type, string), int[]> _routes = new();
    private readonly Channel<Delivery>[] _lanes;
    private readonly Task[] _workers;
    private readonly RetryPolicy _retry;
    private readonly EventBusOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _idleGate = new();
    private TaskCompletionSource? _idle;
    private int _pending;
    private int _disposed;

    /// <summary>Creates the bus with its handlers (the generated <c>GetEventHandlers</c>, or <c>AddPatternsGen()</c>).</summary>
    /// <exception cref="ArgumentException">Two handlers have one name.</exception>
    public InMemoryEventBus(IEnumerable<EventHandlerRegistration> handlers, EventBusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _options = options ?? new EventBusOptions();
        ArgumentNullException.ThrowIfNull(_options.Inbox, nameof(options.Inbox));
        ArgumentNullException.ThrowIfNull(_options.DeadLetters, nameof(options.DeadLetters));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Concurrency, 1, nameof(options.Concurrency));
        _retry = new RetryPolicy(_options.Retry);
        _handlers = handlers.ToArray();
        _byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _handlers.Length; i++)
        {
            if (!_byName.TryAdd(_handlers[i].Name, i))
            {
                throw new ArgumentException($"Two event handlers are called '{_handlers[i].Name}'; the inbox and the dead-letter queue need each name once.", nameof(handlers));
            }
        }

        _lanes = new Channel<Delivery>[_options.Concurrency];
        _workers = new Task[_lanes.Length];
        for (var i = 0; i < _lanes.Length; i++)
        {
            var lane = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
            _lanes[i] = lane;
            _workers[i] = Task.Run(() => RunLaneAsync(lane.Reader));
        }
    }

    /// <summary>The handlers, as registered.</summary>
    public IReadOnlyList<EventHandlerRegistration> Handlers => _handlers;

    /// <summary>The dead-letter queue.</summary>
    public IDeadLetterQueue DeadLetters => _options.DeadLetters;

    /// <inheritdoc />
    [NonIdempotent]
    public ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default)
        where TEvent : notnull =>
        PublishAsync(new EventMessage(@event), ct);

    /// <summary>Hands <paramref name="message"/> (with its key and id) to the bus; returns once it is accepted.</summary>
    [NonIdempotent]
    public ValueTask PublishAsync(EventMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ct.ThrowIfCancellationRequested();
        Route(message, TargetsOf(message), tracker: null);
        return default;
    }

    /// <summary>
    /// Hands <paramref name="message"/> to the bus and completes when every handler that takes it has
    /// handled it or dead-lettered it. Faults when a dead letter could not be stored.
    /// </summary>
    public Task DeliverAsync(EventMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ct.ThrowIfCancellationRequested();
        var targets = TargetsOf(message);
        if (targets.Length == 0)
        {
            return Task.CompletedTask;
        }

        var tracker = new Tracker(targets.Length);
        Route(message, targets, tracker);
        return tracker.Task;
    }

    /// <summary>Completes when no message is waiting or being handled (tests, and orderly shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken ct = default)
    {
        lock (_idleGate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(ct);
        }
    }

    /// <summary>
    /// Delivers the dead letters <paramref name="which"/> selects (all by default) again to the handler that
    /// failed on each, with a fresh set of attempts, and removes each letter once its delivery has ended: a
    /// letter that fails again is dead-lettered anew, and a crash during the replay leaves the letter in the
    /// queue. Letters for a handler this bus does not have stay where they are.
    /// </summary>
    /// <returns>How many letters were replayed.</returns>
    public async Task<int> ReplayDeadLettersAsync(Func<DeadLetter, bool>? which = null, CancellationToken ct = default)
    {
        var replays = new List<Task>();
        foreach (var letter in await DeadLetters.ListAsync(ct).ConfigureAwait(false))
        {
            if ((which is null || which(letter)) && _byName.TryGetValue(letter.Handler, out var handler))
            {
                var tracker = new Tracker(1);
                Route(letter.Message, [handler], tracker);
                replays.Add(RemoveWhenDeliveredAsync(letter.Id, tracker.Task));
            }
        }

        await Task.WhenAll(replays).ConfigureAwait(false);
        return replays.Count;
    }

    private async Task RemoveWhenDeliveredAsync(Guid letter, Task delivered)
    {
        await delivered.ConfigureAwait(false); // faults when it could not even be dead-lettered again: keep the letter
        await DeadLetters.RemoveAsync(letter, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Stops taking work, lets the lanes finish what they hold, and stops. Retry delays are cut short. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private int[] TargetsOf(EventMessage message) =>
        _routes.GetOrAdd((message.Event.GetType(), message.Topic), static (_, state) =>
        {
            var (handlers, message) = state;
            return Enumerable.Range(0, handlers.Length).Where(i => handlers[i].Takes(message)).ToArray();
        }, (_handlers, message));

    private void Route(EventMessage message, int[] handlers, Tracker? tracker)
    {
        var publisher = Activity.Current; // the handler's span continues the publisher's trace, with its baggage
        foreach (var handler in handlers)
        {
            // One key, one handler: always the same lane, so those messages stay in order. Without a key,
            // the message id picks the lane, so a redelivery waits behind the first delivery and the inbox
            // sees it as handled instead of racing it.
            var spread = message.Key is { } key ? StringComparer.Ordinal.GetHashCode(key) : message.MessageId.GetHashCode();
            var lane = (int)((uint)HashCode.Combine(spread, handler) % (uint)_lanes.Length);
            Interlocked.Increment(ref _pending);
            if (!_lanes[lane].Writer.TryWrite(new Delivery(this, message, _handlers[handler], tracker, publisher)))
            {
                Done();
                throw new ObjectDisposedException(nameof(InMemoryEventBus), "The bus is stopping and takes no more messages.");
            }
        }
    }

    private async Task RunLaneAsync(ChannelReader<Delivery> lane)
    {
        await foreach (var delivery in lane.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await HandleAsync(delivery).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // Only a throwing listener of the bus's own telemetry gets here. The lane must outlive it:
                // a dead lane would strand every later message routed to it.
                delivery.Tracker?.Fail(error);
            }
            finally
            {
                Done();
            }
        }
    }

    private async Task HandleAsync(Delivery delivery)
    {
        var (message, handler) = (delivery.Message, delivery.Handler);
        var started = MessagingTelemetry.StartTimestamp();
        // A stored event continues the trace it was appended in, not the store publisher's loop that delivered it.
        var publisher = message.TraceParent is null ? delivery.Publisher : null;
        var activity = MessagingTelemetry.StartProcess(handler.Name, message, publisher?.Context ?? default);
        if (activity is not null && publisher is not null)
        {
            foreach (var (name, value) in publisher.Baggage)
            {
                activity.AddBaggage(name, value);
            }
        }

        Exception? failed = null;
        try
        {
            var handled = await _retry.ExecuteAsync(
                static async (d, ct) =>
                {
                    if (d.Handler.UsesInbox && await d.Bus._options.Inbox.HasHandledAsync(d.Handler.Name, d.Message.MessageId, ct).ConfigureAwait(false))
                    {
                        return false; // a redelivery: handled before
                    }

                    await d.Handler.Handle(d.Message.Event, new EventContext(d.Message, ++d.Attempts), ct).ConfigureAwait(false);
                    if (d.Handler.UsesInbox)
                    {
                        await d.Bus._options.Inbox.MarkHandledAsync(d.Handler.Name, d.Message.MessageId, ct).ConfigureAwait(false);
                    }

                    return true;
                },
                delivery,
                _stopping.Token).ConfigureAwait(false);
            MessagingTelemetry.Handled(handler.Name, handled ? "handled" : "duplicate");
            delivery.Tracker?.Done();
        }
        catch (OperationCanceledException error) when (_stopping.IsCancellationRequested)
        {
            failed = error;
            delivery.Tracker?.Fail(new OperationCanceledException("The bus stopped before the message was handled."));
        }
        catch (Exception error)
        {
            failed = error;
            await DeadLetterAsync(delivery, error).ConfigureAwait(false);
        }
        finally
        {
            MessagingTelemetry.Processed(activity, handler.Name, message, started, failed);
        }
    }

    private async Task DeadLetterAsync(Delivery delivery, Exception error)
    {
        var letter = new DeadLetter(
            Guid.NewGuid(), delivery.Message, delivery.Handler.Name, error.GetType().FullName ?? error.GetType().Name, error.Message,
            Math.Max(1, delivery.Attempts), _options.Retry.TimeProvider.GetUtcNow());
        try
        {
            await _options.DeadLetters.AddAsync(letter, CancellationToken.None).ConfigureAwait(false);
            MessagingTelemetry.DeadLettered(letter, error, _options.Logger);
            delivery.Tracker?.Done();
        }
        catch (Exception storeError)
        {
            // Not handled and not kept: say so loudly, and fail the delivery so a publisher does not move past it.
            MessagingTelemetry.Lost(letter, storeError, _options.Logger);
            delivery.Tracker?.Fail(storeError);
        }
    }

    private void Done()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            lock (_idleGate)
            {
                if (_pending == 0)
                {
                    _idle?.TrySetResult();
                    _idle = null;
                }
            }
        }
    }

    /// <summary>One message for one handler. A class: the retry loop counts attempts in it.</summary>
    private sealed class Delivery(InMemoryEventBus bus, EventMessage message, EventHandlerRegistration handler, Tracker? tracker, Activity? publisher)
    {
        public Activity? Publisher { get; } = publisher;

        public InMemoryEventBus Bus { get; } = bus;

        public EventMessage Message { get; } = message;

        public EventHandlerRegistration Handler { get; } = handler;

        public Tracker? Tracker { get; } = tracker;

        public int Attempts { get; set; }
    }

    /// <summary>Counts down the handlers of a message delivered with <see cref="DeliverAsync"/>.</summary>
    private sealed class Tracker(int handlers)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = handlers;

        public Task Task => _done.Task;

        public void Done()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }

        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
