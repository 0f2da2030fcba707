using System.Diagnostics;
using PatternsGen.EventSourcing;
using RabbitMQ.Client;

namespace PatternsGen.Messaging.RabbitMQ;

/// <summary>
/// The bus across processes and machines, on RabbitMQ: what <see cref="InMemoryEventBus"/> promises, kept by a broker.
/// Each publish is confirmed by the broker; each service (<see cref="RabbitMqBusOptions.ServiceName"/>) gets its own
/// copy of every event it handles, and its instances compete for them; a message is acknowledged only once it is
/// handled, retried later or dead-lettered; messages with one key reach each handler in order.
/// </summary>
/// <remarks>
/// Made with the handlers the in-memory bus takes (the generated <c>GetEventHandlers</c>, or the container's), then
/// <see cref="StartAsync"/> declares the service's queues and starts consuming. A bus without handlers only publishes.
/// </remarks>
public sealed partial class RabbitMqEventBus : IConfirmingEventBus, IAsyncDisposable
{
    private const string MessagingSystem = "rabbitmq"; // OpenTelemetry's messaging.system value

    private readonly EventHandlerRegistration[] _handlers;
    private readonly RabbitMqBusOptions _options;
    private readonly Topology _topology;
    private readonly EventEncoder _json;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _flightGate = new();
    private readonly List<IChannel> _consumerChannels = [];
    private readonly List<(IChannel Channel, string Tag)> _consumers = [];
    private TaskCompletionSource? _landed;
    private IConnection? _publishing;
    private IConnection? _consuming;
    private ConfirmedPublisher? _publisher;
    private RabbitMqDeadLetterQueue? _deadLetters;
    private int _inFlight;
    private int _state; // 0 new, 1 started, 2 stopping

    /// <summary>Creates the bus; nothing is connected before <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or two handlers have one name.</exception>
    public RabbitMqEventBus(IEnumerable<EventHandlerRegistration> handlers, RabbitMqBusOptions options)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _handlers = handlers.ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in _handlers)
        {
            if (!names.Add(handler.Name))
            {
                throw new ArgumentException($"Two event handlers are called '{handler.Name}'; their queues, inbox and dead letters need each name once.", nameof(handlers));
            }
        }

        _topology = new Topology(options);
        _json = new EventEncoder(new EventStoreOptions { JsonOptions = options.JsonOptions });
    }

    /// <summary>The handlers, as registered.</summary>
    public IReadOnlyList<EventHandlerRegistration> Handlers => _handlers;

    /// <summary>The settings.</summary>
    public RabbitMqBusOptions Options => _options;

    /// <summary>
    /// What failed every attempt, kept by the broker in this service's <c>&lt;service&gt;.dead-letters</c> queue: listed,
    /// removed and purged here, replayed with <see cref="ReplayDeadLettersAsync"/>. Available after <see cref="StartAsync"/>.
    /// </summary>
    public IDeadLetterQueue DeadLetters => _deadLetters ?? throw NotStarted();

    /// <summary>Whether both connections to the broker are open (they reconnect by themselves after a loss).</summary>
    public bool IsConnected => _publishing is { IsOpen: true } && (_consuming is null || _consuming.IsOpen);

    /// <summary>Connects, declares the exchange and this service's queues (idempotently), and starts consuming.</summary>
    /// <exception cref="EventBusException">The broker cannot be reached; the message names it (without the password).</exception>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The bus is already started (or stopped); make a new one.");
        }

        var factory = new ConnectionFactory
        {
            Uri = new Uri(_options.ConnectionString),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        };
        try
        {
            _publishing = await factory.CreateConnectionAsync($"{_options.ServiceName} (publish)", ct).ConfigureAwait(false);
            if (_handlers.Length > 0)
            {
                _consuming = await factory.CreateConnectionAsync($"{_options.ServiceName} (consume)", ct).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new EventBusException(
                $"Could not connect to RabbitMQ at {RabbitMqBusOptions.Redacted(_options.ConnectionString)}: {error.Message}. " +
                "Start a broker (for example: apt-get install rabbitmq-server, or docker run -p 5672:5672 rabbitmq) or fix RabbitMqBusOptions.ConnectionString.", error);
        }

        _publisher = new ConfirmedPublisher(_publishing);
        await using (var declaring = await _publishing.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false))
        {
            await _topology.DeclareAsync(declaring, _handlers, ct).ConfigureAwait(false);
        }

        _deadLetters = new RabbitMqDeadLetterQueue(this, _publishing, _topology.DeadLetterQueue);
        if (_consuming is not null)
        {
            await ConsumeAsync(_consuming, ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    [NonIdempotent]
    public ValueTask PublishAsync<TEvent>(TEvent @event, CancellationToken ct = default)
        where TEvent : notnull =>
        PublishAsync(new EventMessage(@event), ct);

    /// <summary>
    /// Publishes <paramref name="message"/> (with its id and key) and completes once the broker has confirmed it.
    /// </summary>
    /// <exception cref="EventBusException">The broker refused it, could not route it to any queue, or could not be reached.</exception>
    /// <exception cref="EventSerializationException">The event's type is not registered, or it cannot be serialized.</exception>
    [NonIdempotent]
    public async ValueTask PublishAsync(EventMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var publisher = _publisher ?? throw NotStarted();
        var body = _json.Serialize(message.Event);
        using var activity = MessagingTelemetry.StartSend(message, MessagingSystem);
        var properties = WireFormat.Properties(message, activity);
        try
        {
            await publisher.PublishAsync(_topology.Exchange, Topology.RoutingKey(message.Topic, message.Key), properties, body, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().FullName);
            throw;
        }
    }

    /// <summary>Publishes <paramref name="message"/> and completes once the broker has confirmed it: what an <see cref="EventStorePublisher"/> waits for.</summary>
    public Task DeliverAsync(EventMessage message, CancellationToken ct = default) => PublishAsync(message, ct).AsTask();

    /// <summary>
    /// Stops taking messages, and waits for the handlers in flight until <paramref name="ct"/> is cancelled, then
    /// cancels them: their messages stay unacknowledged and the broker delivers them again. Messages this instance
    /// had received but not started go back to the broker at once.
    /// </summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        foreach (var (channel, tag) in _consumers)
        {
            try
            {
                await channel.BasicCancelAsync(tag, noWait: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The channel went down with its connection: the broker has taken its messages back already.
            }
        }

        try
        {
            await LandedAsync().WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await LandedAsync().ConfigureAwait(false);
        }

        // Handlers in flight have acknowledged; what this instance received but did not start goes back now.
        foreach (var channel in _consumerChannels)
        {
            try
            {
                await channel.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Closed already.
            }
        }
    }

    /// <summary>Stops (letting handlers in flight finish) and closes the connections. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _publisher, null) is { } publisher)
        {
            await publisher.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var channel in _consumerChannels)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        _consumerChannels.Clear();
        foreach (var connection in new[] { Interlocked.Exchange(ref _consuming, null), Interlocked.Exchange(ref _publishing, null) })
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One channel per handler, so that a slow handler holds only its own messages back.</summary>
    private async Task ConsumeAsync(IConnection connection, CancellationToken ct)
    {
        foreach (var handler in _handlers)
        {
            var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)_options.Concurrency), ct).ConfigureAwait(false);
            _consumerChannels.Add(channel);

            // The shared queue: up to Concurrency messages at once. Each partition: one at a time, so its keys stay in order.
            await channel.BasicQosAsync(0, (ushort)_options.Concurrency, global: false, ct).ConfigureAwait(false);
            await ConsumeAsync(channel, handler, _topology.HandlerQueue(handler), ct).ConfigureAwait(false);
            await channel.BasicQosAsync(0, 1, global: false, ct).ConfigureAwait(false);
            for (var partition = 0; partition < _options.Partitions; partition++)
            {
                await ConsumeAsync(channel, handler, _topology.PartitionQueue(handler, partition), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ConsumeAsync(IChannel channel, EventHandlerRegistration handler, string queue, CancellationToken ct)
    {
        var tag = await channel.BasicConsumeAsync(queue, autoAck: false, new HandlerConsumer(this, handler, channel, queue), ct).ConfigureAwait(false);
        _consumers.Add((channel, tag));
    }

    /// <summary>Counts a delivery in; false once stopping.</summary>
    internal bool Enter()
    {
        lock (_flightGate)
        {
            if (_state != 1)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    internal void Exit()
    {
        lock (_flightGate)
        {
            if (--_inFlight == 0 && _landed is { } landed)
            {
                _landed = null;
                landed.TrySetResult();
            }
        }
    }

    private Task LandedAsync()
    {
        lock (_flightGate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _landed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _landed.Task;
        }
    }

    /// <summary>
    /// Sends the dead letters <paramref name="which"/> selects (all by default) back to the queue they failed in, for a
    /// fresh set of attempts, and removes each once the broker has confirmed its copy: a crash in between leaves the
    /// letter and its copy, never neither. Letters of queues this service no longer has stay where they are.
    /// </summary>
    /// <returns>How many letters were replayed.</returns>
    public Task<int> ReplayDeadLettersAsync(Func<DeadLetter, bool>? which = null, CancellationToken ct = default)
    {
        var letters = _deadLetters ?? throw NotStarted();
        return letters.WalkAsync(async (letter, queue, got) =>
        {
            if (queue is null || HandlerOf(queue) is null || (which is not null && !which(letter)))
            {
                return false;
            }

            await RequeueAsync(got.BasicProperties, got.Body, queue).ConfigureAwait(false);
            return true;
        }, ct);
    }

    internal EventEncoder Encoder => _json;

    /// <summary>How many letters the dead-letter queue holds, as the broker counts them (no walk).</summary>
    internal async Task<long> CountDeadLettersAsync(CancellationToken ct)
    {
        if (_publishing is not { IsOpen: true } connection || _handlers.Length == 0)
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct).ConfigureAwait(false);
        return (await channel.QueueDeclarePassiveAsync(_topology.DeadLetterQueue, ct).ConfigureAwait(false)).MessageCount;
    }

    internal EventHandlerRegistration? HandlerOf(string? queue) => _topology.HandlerOf(queue, _handlers);

    private static InvalidOperationException NotStarted() => new("The bus is not started: call StartAsync first (the hosting package does this when the host starts).");
}
