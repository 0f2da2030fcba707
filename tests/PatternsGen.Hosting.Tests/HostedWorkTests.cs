using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Messaging;
using PatternsGen.EventStore.Testing;
using PatternsGen.Projections;
using PatternsGen.Runtime.Tests.Resilience;
using PatternsGen.Runtime.Tests.Sagas.Log;
using PatternsGen.Sagas;

namespace PatternsGen.Hosting.Tests;

[Event("hosting.order_placed")]
public sealed record OrderPlaced(string OrderId, decimal Total);

[Projection]
public partial class RevenueView
{
    public decimal Revenue { get; private set; }

    public void Project(OrderPlaced e) => Revenue += e.Total;
}

/// <summary>A read model that fails on every event: what it cannot project is parked.</summary>
[Projection]
public partial class FailingView
{
    public void Project(OrderPlaced e) => throw new InvalidOperationException("no such table");
}

/// <summary>What the handler saw, and a gate a test can hold it at.</summary>
public sealed class Deliveries
{
    public List<string> Seen { get; } = [];

    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}

public sealed partial class ReceiptHandlers(Deliveries deliveries)
{
    [EventHandler, Idempotent]
    public async Task OnPlaced(OrderPlaced e, CancellationToken ct)
    {
        lock (deliveries.Seen)
        {
            deliveries.Seen.Add(e.OrderId);
        }

        deliveries.Entered.TrySetResult();
        await deliveries.Gate.Task.WaitAsync(ct);
    }
}

public sealed class HostedWorkTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pgen-hosting-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private IHost Host(Deliveries deliveries, Action<IServiceCollection>? more = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(deliveries);
        builder.Services.AddPatternsGen();
        builder.Services.AddPatternsGenHosting()
            .UseEventStore(_ => new SqliteEventStore($"Data Source={_file}"))
            .AddEventStorePublisher(o => o.PollInterval = TimeSpan.FromMilliseconds(50))
            .AddProjection<RevenueView>();
        builder.Services.AddHealthChecks().AddPatternsGen();
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task Appended_events_reach_handlers_and_projections_through_the_hosted_publisher()
    {
        var deliveries = new Deliveries();
        using var host = Host(deliveries);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IEventStore>();

        await store.AppendAsync("order-1", ExpectedVersion.NoStream, [new OrderPlaced("order-1", 30m)]);
        await deliveries.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var view = host.Services.GetRequiredService<RevenueView>();
        await Eventually.Until(() => view.Revenue == 30m);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Status);
        await host.StopAsync();
        Assert.Equal(["order-1"], deliveries.Seen);
    }

    [Fact]
    public async Task Of_two_instances_one_publishes_and_the_other_takes_over_when_it_stops()
    {
        var (first, second) = (new Deliveries(), new Deliveries());
        Action<IServiceCollection> Instance(string name) => services =>
            services.AddPatternsGenHosting().ConfigureLeases(l => (l.Owner, l.Duration, l.RenewEvery) = (name, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
        using var a = Host(first, Instance("a")); // two instances in one test process: named apart, as two processes are
        using var b = Host(second, Instance("b"));
        await a.StartAsync();
        await Eventually.Until(() => Publisher(a).State == BackgroundWorkState.Running);
        await b.StartAsync();
        await Eventually.Until(() => Publisher(b).State == BackgroundWorkState.Standby);

        var store = a.Services.GetRequiredService<IEventStore>();
        await store.AppendAsync("order-a", ExpectedVersion.NoStream, [new OrderPlaced("order-a", 1m)]);
        await Eventually.Until(() => first.Seen.Contains("order-a"));
        var health = await b.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Contains("on standby here", health.Entries["patternsgen-background"].Description);

        await a.StopAsync(); // releases the lease: the standby takes over at its next ask
        await Eventually.Until(() => Publisher(b).State == BackgroundWorkState.Running);
        await store.AppendAsync("order-b", ExpectedVersion.NoStream, [new OrderPlaced("order-b", 1m)]);
        await Eventually.Until(() => second.Seen.Contains("order-b"));

        Assert.Equal(["order-a"], first.Seen);
        Assert.Equal(["order-b"], second.Seen); // from the checkpoint the first left: nothing twice
        await b.StopAsync();
    }

    private static BackgroundWorkStatus Publisher(IHost host) =>
        host.Services.GetServices<BackgroundWorkStatus>().Single(s => s.Name == "event-store-publisher");

    [Fact]
    public async Task A_stop_lets_the_handler_in_flight_finish_and_checkpoints_past_it()
    {
        var deliveries = new Deliveries { Gate = new TaskCompletionSource() }; // the handler waits for the test
        using (var first = Host(deliveries))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<IEventStore>().AppendAsync("order-3", ExpectedVersion.NoStream, [new OrderPlaced("order-3", 5m)]);
            await deliveries.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var stopping = first.StopAsync(); // within the host's shutdown timeout
            deliveries.Gate.SetResult();      // the handler finishes while the host stops
            await stopping;
            Assert.True(await first.Services.GetRequiredService<ICheckpointStore>().GetAsync("event-bus") > 0);
        }

        using var second = Host(deliveries);
        await second.StartAsync();
        await second.StopAsync();
        Assert.Equal(["order-3"], deliveries.Seen); // finished once, checkpointed: not delivered again
    }

    [Fact]
    public async Task A_stop_that_runs_out_of_time_mid_handler_loses_nothing_the_next_start_delivers_it()
    {
        var deliveries = new Deliveries { Gate = new TaskCompletionSource() }; // the handler hangs
        using (var first = Host(deliveries))
        {
            await first.StartAsync();
            await first.Services.GetRequiredService<IEventStore>().AppendAsync("order-2", ExpectedVersion.NoStream, [new OrderPlaced("order-2", 12m)]);
            await deliveries.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            using var shutdownTimeout = new CancellationTokenSource();
            var stopping = first.StopAsync(shutdownTimeout.Token);
            shutdownTimeout.Cancel(); // the host's shutdown timeout runs out while the handler still works
            await stopping;
        } // disposing the host stops the bus: the hung handler is cancelled, not dead-lettered

        deliveries.Gate = Deliveries.CompletedGate();
        using var second = Host(deliveries);
        await second.StartAsync();
        await Eventually.Until(() => deliveries.Seen.Count == 2);
        var checkpoints = second.Services.GetRequiredService<ICheckpointStore>();
        await Eventually.Until(() => checkpoints.GetAsync("event-bus").AsTask().Result > 0);
        await second.StopAsync();

        Assert.Equal(["order-2", "order-2"], deliveries.Seen);
        Assert.Empty(await second.Services.GetRequiredService<IDeadLetterQueue>().ListAsync());
    }

    [Fact]
    public async Task Failing_background_work_is_unhealthy_restarts_with_backoff_and_recovers()
    {
        var clock = new FakeTimeProvider();
        var runs = 0;
        using var host = Host(new Deliveries(), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddFakeLogging();
            services.AddPatternsGenHosting().AddBackgroundWork("flaky", async (_, ct) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    throw new InvalidOperationException("the broker is away");
                }

                await Task.Delay(Timeout.Infinite, ct);
            });
        });
        await host.StartAsync();
        var flaky = host.Services.GetServices<BackgroundWorkStatus>().Single(s => s.Name == "flaky");
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await Eventually.Until(() => flaky.State == BackgroundWorkState.Restarting);
        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["patternsgen-background"].Status);
        Assert.Contains("flaky (1 failures, last: the broker is away)", report.Entries["patternsgen-background"].Description);
        var logged = Assert.Single(host.Services.GetFakeLogCollector().GetSnapshot(), static r => r.Level == LogLevel.Error && r.Category == "PatternsGen.Hosting");
        Assert.Equal("the broker is away", logged.Exception?.Message);
        Assert.Equal(("background_work", "flaky"), (logged.GetStructuredStateValue("Pattern"), logged.GetStructuredStateValue("Service")));
        Assert.NotNull(logged.GetStructuredStateValue("DurationMs"));

        await clock.AdvanceUntilAsync(() => flaky.State == BackgroundWorkState.Running, TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, runs);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["patternsgen-background"].Status);
        await host.StopAsync();
        Assert.Equal(BackgroundWorkState.Stopped, flaky.State);
    }

    [Fact]
    public async Task A_setting_no_restart_can_fix_fails_the_work_and_stops_the_host()
    {
        using var host = Host(new Deliveries(), services =>
            services.AddPatternsGenHosting().AddEventStorePublisher(o => (o.Name, o.BatchSize) = ("orders-out", 0)));
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.StartAsync();
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var publisher = host.Services.GetServices<BackgroundWorkStatus>().Single(s => s.Name == "event-store-publisher" && s.LastError is not null);
        Assert.Equal(BackgroundWorkState.Failed, publisher.State);
        Assert.Contains("BatchSize", publisher.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal(1, publisher.Failures); // not restarted
    }

    [Fact]
    public async Task Saga_runs_a_crashed_process_left_unfinished_are_finished_by_the_recovery_that_keeps_watching()
    {
        var effects = new MemoryEffects();
        var crashing = new CrashingStore(new SqliteEventStore($"Data Source={_file}"), crashAt: 3, afterWrite: false);
        await Assert.ThrowsAsync<SagaLogException>(() => new ParcelSaga(effects, new SagaLog(crashing)).ExecuteAsync("r1", new ParcelOrder("o", 0)));
        var resumed = new TaskCompletionSource<SagaSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = Host(new Deliveries(), services =>
        {
            services.AddSingleton(sp => new ParcelSaga(effects, new SagaLog(sp.GetRequiredService<IEventStore>())));
            services.AddPatternsGenHosting().AddSagaRecovery<ParcelSaga, ParcelOrder>((_, run, _) =>
            {
                resumed.TrySetResult(run);
                return Task.CompletedTask;
            });
        });

        await host.StartAsync();

        Assert.Equal(new SagaSummary(nameof(ParcelSaga), "r1", SagaStatus.Completed, 0), await resumed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var recovery = host.Services.GetServices<BackgroundWorkStatus>().Single(s => s.Name == "saga-recovery:" + nameof(ParcelSaga));
        Assert.Equal(BackgroundWorkState.Running, recovery.State); // a store with leases: it looks again every lease, for runs of instances that die later
        await host.StopAsync();
        Assert.Equal(BackgroundWorkState.Stopped, recovery.State);
    }

    [Fact]
    public async Task A_projection_far_behind_the_store_is_degraded_until_it_catches_up()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        services.AddPatternsGenHosting().UseEventStore(_ => new InMemoryEventStore()).AddProjection<RevenueView>();
        services.AddHealthChecks().AddPatternsGen(o => o.ProjectionLagThreshold = 3);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IEventStore>();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync($"order-{i}", ExpectedVersion.NoStream, [new OrderPlaced($"order-{i}", 1m)]);
        }

        var health = provider.GetRequiredService<HealthCheckService>();
        var behind = (await health.CheckHealthAsync()).Entries["patternsgen-projections"];
        Assert.Equal(HealthStatus.Degraded, behind.Status);
        Assert.Contains(((IProjection)provider.GetRequiredService<RevenueView>()).ProjectionName, behind.Description);

        await new ProjectionRunner(store, provider.GetRequiredService<ICheckpointStore>(), provider.GetServices<IProjection>()).CatchUpAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["patternsgen-projections"].Status);
    }
}
