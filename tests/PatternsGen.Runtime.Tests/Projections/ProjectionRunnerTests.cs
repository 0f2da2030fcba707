using PatternsGen.EventSourcing;
using PatternsGen.Projections;
using PatternsGen.Resilience;
using PatternsGen.Runtime.Tests.Messaging;

namespace PatternsGen.Runtime.Tests.Projections;

/// <summary>Order status by order id, as the seed's OrderReadModel keeps it.</summary>
[Projection(Name = "orders_view")]
public partial class OrdersView
{
    public Dictionary<string, string> Status { get; } = [];

    public HashSet<string> FailOn { get; } = [];

    public void Project(OrderPlaced e)
    {
        if (FailOn.Contains(e.OrderId))
        {
            throw new InvalidOperationException($"cannot project {e.OrderId}");
        }

        Status[e.OrderId] = "placed";
    }

    public Task Project(OrderShipped e, RecordedEvent recorded, CancellationToken ct)
    {
        Status[e.OrderId] = $"shipped (v{recorded.Version})";
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken ct)
    {
        Status.Clear();
        return Task.CompletedTask;
    }
}

/// <summary>Counts events, and cancels its run once it has counted <see cref="StopAfter"/> of them, as a host that stops does.</summary>
[Projection]
public partial class StoppingCounter
{
    public int Count { get; private set; }

    public int StopAfter { get; init; }

    public CancellationTokenSource Stop { get; } = new();

    public void Project(object e, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (++Count == StopAfter)
        {
            Stop.Cancel();
        }
    }
}

/// <summary>Counts every event; has no ResetAsync.</summary>
[Projection]
public partial class EventCounter
{
    public int Count { get; private set; }

    public void Project(object e) => Count++;
}

public sealed class ProjectionRunnerTests
{
    private readonly InMemoryEventStore _store = new();
    private readonly InMemoryCheckpointStore _checkpoints = new();
    private readonly OrdersView _view = new();
    private readonly EventCounter _counter = new();

    [Fact]
    public async Task Catch_up_projects_every_event_from_the_checkpoint_and_a_second_pass_only_what_is_new()
    {
        await _store.AppendAsync("o-1", ExpectedVersion.NoStream, [new OrderPlaced("o-1", 1), new OrderShipped("o-1")]);
        await _store.AppendAsync("o-2", ExpectedVersion.NoStream, [new OrderPlaced("o-2", 1)]);
        var runner = NewRunner();

        Assert.Equal(6, await runner.CatchUpAsync()); // 3 events × 2 projections
        Assert.Equal(new Dictionary<string, string> { ["o-1"] = "shipped (v2)", ["o-2"] = "placed" }, _view.Status);
        Assert.Equal(3, await _checkpoints.GetAsync("orders_view"));
        Assert.Equal(3, await _checkpoints.GetAsync(typeof(EventCounter).FullName!));

        await _store.AppendAsync("o-2", 1, [new OrderShipped("o-2")]);
        Assert.Equal(2, await runner.CatchUpAsync());
        Assert.Equal("shipped (v2)", _view.Status["o-2"]);
        Assert.Equal(4, _counter.Count);
    }

    [Fact]
    public async Task A_pass_stopped_between_checkpoints_keeps_what_it_projected()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.AppendAsync($"o-{i}", ExpectedVersion.NoStream, [new OrderPlaced($"o-{i}", 1)]);
        }

        var counter = new StoppingCounter { StopAfter = 3 };
        var runner = new ProjectionRunner(_store, _checkpoints, [counter], new ProjectionOptions { CheckpointEvery = 100 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.CatchUpAsync(counter.Stop.Token));

        Assert.Equal(3, counter.Count);
        Assert.Equal(3, await _checkpoints.GetAsync(typeof(StoppingCounter).FullName!)); // not 0: the next start goes on from the fourth
    }

    [Fact]
    public async Task A_failing_event_is_retried_then_parked_and_neither_projection_stops()
    {
        _view.FailOn.Add("o-bad");
        await _store.AppendAsync("o-bad", ExpectedVersion.NoStream, [new OrderPlaced("o-bad", 1)]);
        await _store.AppendAsync("o-good", ExpectedVersion.NoStream, [new OrderPlaced("o-good", 1)]);
        var options = new ProjectionOptions { Retry = new RetryOptions { MaxAttempts = 3, InitialDelay = TimeSpan.Zero } };
        var runner = NewRunner(options);

        await runner.CatchUpAsync();

        Assert.Equal(new Dictionary<string, string> { ["o-good"] = "placed" }, _view.Status);
        Assert.Equal(2, _counter.Count);
        var parked = Assert.Single(await options.Parked.ListAsync());
        Assert.Equal(("projection:orders_view", 3, "cannot project o-bad", "o-bad"), (parked.Handler, parked.Attempts, parked.Error, parked.Message.Key));
        Assert.Equal(2, await _checkpoints.GetAsync("orders_view")); // past the parked event
    }

    [Fact]
    public async Task Rebuild_empties_the_read_model_and_projects_everything_again()
    {
        await _store.AppendAsync("o-1", ExpectedVersion.NoStream, [new OrderPlaced("o-1", 1), new OrderShipped("o-1")]);
        var runner = NewRunner();
        await runner.CatchUpAsync();
        _view.Status["stale"] = "left over";

        Assert.Equal(2, await runner.RebuildAsync("orders_view"));

        Assert.Equal(new Dictionary<string, string> { ["o-1"] = "shipped (v2)" }, _view.Status);
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => runner.RebuildAsync(typeof(EventCounter).FullName!));
        Assert.Contains("ResetAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(EventCounter).FullName!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_catches_up_then_projects_events_appended_while_it_runs()
    {
        await _store.AppendAsync("o-1", ExpectedVersion.NoStream, [new OrderPlaced("o-1", 1)]);
        using var stop = new CancellationTokenSource();
        var running = NewRunner().RunAsync(stop.Token);

        await _store.AppendAsync("o-1", 1, [new OrderShipped("o-1")]);
        for (var i = 0; i < 1_000_000 && await _checkpoints.GetAsync("orders_view") < 2; i++)
        {
            await Task.Yield(); // appends in this process wake the runner: no poll, no clock
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("shipped (v2)", _view.Status["o-1"]);
    }

    [Fact]
    public void Two_projections_with_one_name_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ProjectionRunner(_store, _checkpoints, [_view, new OrdersView()]));
        Assert.Contains("orders_view", error.Message, StringComparison.Ordinal);
    }

    private ProjectionRunner NewRunner(ProjectionOptions? options = null) => new(_store, _checkpoints, [_view, _counter], options);
}
