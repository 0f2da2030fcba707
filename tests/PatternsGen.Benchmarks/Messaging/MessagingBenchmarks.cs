using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using PatternsGen.Messaging;

namespace PatternsGen.Benchmarks.Messaging;

/// <summary>
/// One event to its handler. Dispatch: the generated DispatchEventAsync (the bus's last hop) and the
/// registration delegate the bus calls, against a hand-written type switch over the same handlers.
/// Publish-to-handler: the whole InMemoryEventBus (route, lane, retry wrapper, completion), against a
/// hand-written channel with one consumer running the same switch — what a team writes without a bus.
/// </summary>
[MemoryDiagnoser]
public class MessagingBenchmarks
{
    private readonly BenchHandlers _handlers = new();
    private readonly object _event = new PaymentCompleted("o-1", 10m);
    private EventContext _context;
    private int _handler = 2; // a field, so the JIT cannot fold the switch away
    private EventHandlerRegistration[] _registrations = [];
    private InMemoryEventBus _bus = null!;
    private HandWrittenBus _handWrittenBus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new EventContext(new EventMessage(_event), attempt: 1);
        _registrations = BenchHandlers.GetEventHandlers(EventDispatch.From(() => _handlers));
        _bus = new InMemoryEventBus(_registrations, new EventBusOptions { Concurrency = 1 });
        _handWrittenBus = new HandWrittenBus(_handlers);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _bus.DisposeAsync();
        await _handWrittenBus.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public ValueTask Dispatch_HandWrittenSwitch() => HandWritten.Dispatch(_handlers, _event, _context, CancellationToken.None);

    [Benchmark]
    public ValueTask Dispatch_Generated() => _handlers.DispatchEventAsync(_handler, _event, _context, CancellationToken.None);

    [Benchmark]
    public ValueTask Dispatch_Registration() => _registrations[_handler].Handle(_event, _context, CancellationToken.None);

    [Benchmark]
    public Task PublishToHandler_HandWrittenChannel() => _handWrittenBus.DeliverAsync(_event);

    [Benchmark]
    public Task PublishToHandler_InMemoryEventBus() => _bus.DeliverAsync(new EventMessage(_event));
}

public sealed record OrderCreated(string OrderId);

public sealed record PaymentRequested(string OrderId, decimal Amount);

public sealed record PaymentCompleted(string OrderId, decimal Amount);

public sealed record PaymentFailed(string OrderId, string Reason);

/// <summary>The seed's choreography handlers, reduced to counting.</summary>
public partial class BenchHandlers
{
    public decimal Total;

    [EventHandler, Idempotent]
    public ValueTask OnCreated(OrderCreated e, CancellationToken ct) => default;

    [EventHandler, Idempotent]
    public ValueTask OnRequested(PaymentRequested e, CancellationToken ct) => default;

    [EventHandler, Idempotent]
    public ValueTask OnCompleted(PaymentCompleted e, EventContext context, CancellationToken ct)
    {
        Total = e.Amount;
        return default;
    }

    [EventHandler, Idempotent]
    public void OnFailed(PaymentFailed e)
    {
    }
}

public static class HandWritten
{
    public static ValueTask Dispatch(BenchHandlers handlers, object e, EventContext context, CancellationToken ct) => e switch
    {
        OrderCreated created => handlers.OnCreated(created, ct),
        PaymentRequested requested => handlers.OnRequested(requested, ct),
        PaymentCompleted completed => handlers.OnCompleted(completed, context, ct),
        PaymentFailed failed => Sync(handlers, failed),
        _ => default,
    };

    private static ValueTask Sync(BenchHandlers handlers, PaymentFailed failed)
    {
        handlers.OnFailed(failed);
        return default;
    }
}

/// <summary>A channel and one consumer, completing a task per message once it is handled.</summary>
public sealed class HandWrittenBus : IAsyncDisposable
{
    private readonly Channel<(object Event, TaskCompletionSource Done)> _channel = Channel.CreateUnbounded<(object, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _consumer;

    public HandWrittenBus(BenchHandlers handlers) =>
        _consumer = Task.Run(async () =>
        {
            var context = new EventContext(new EventMessage(new OrderCreated("x")), 1);
            await foreach (var (e, done) in _channel.Reader.ReadAllAsync())
            {
                await HandWritten.Dispatch(handlers, e, context, CancellationToken.None);
                done.TrySetResult();
            }
        });

    public Task DeliverAsync(object e)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _channel.Writer.TryWrite((e, done));
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _consumer;
    }
}
