using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PatternsGen.Coordination;
using PatternsGen.EventSourcing;
using PatternsGen.Messaging;
using PatternsGen.Projections;
using PatternsGen.Resilience;
using PatternsGen.Sagas;

namespace PatternsGen.Hosting;

/// <summary>
/// What a service runs with PatternsGen: its event store, and the background work of a host — the publisher that
/// forwards stored events to the bus, projections, recovery of unfinished sagas. From
/// <see cref="PatternsGenHostingExtensions.AddPatternsGenHosting"/>; every method returns the builder.
/// </summary>
public sealed class PatternsGenHostingBuilder
{
    internal PatternsGenHostingBuilder(IServiceCollection services) => Services = services;

    /// <summary>The container being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Uses the store <paramref name="create"/> makes, once, as the <see cref="IEventStore"/>; also as
    /// <see cref="ISnapshotStore"/>, <see cref="ICheckpointStore"/>, <see cref="IInbox"/> and <see cref="IDeadLetterQueue"/>
    /// where it is one (the SQLite and PostgreSQL stores are all five), and then the bus keeps its inbox and dead
    /// letters in it unless <see cref="EventBusOptions"/> are registered.
    /// </summary>
    /// <example><code>hosting.UseEventStore(_ => new SqliteEventStore("Data Source=orders.db"));</code></example>
    public PatternsGenHostingBuilder UseEventStore<TStore>(Func<IServiceProvider, TStore> create)
        where TStore : class, IEventStore
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.AddSingleton(create);
        Services.AddSingleton<IEventStore>(static sp => sp.GetRequiredService<TStore>());
        AddAs<TStore, ISnapshotStore>();
        AddAs<TStore, ICheckpointStore>();
        AddAs<TStore, IInbox>();
        AddAs<TStore, IDeadLetterQueue>();
        AddAs<TStore, ILeaseStore>();
        if (typeof(IInbox).IsAssignableFrom(typeof(TStore)) && typeof(IDeadLetterQueue).IsAssignableFrom(typeof(TStore)))
        {
            Services.TryAddSingleton(static sp => new EventBusOptions
            {
                Inbox = sp.GetRequiredService<IInbox>(),
                DeadLetters = sp.GetRequiredService<IDeadLetterQueue>(),
                Logger = sp.Logger("PatternsGen.Messaging"),
            });
        }

        return this;
    }

    /// <summary>
    /// Runs an <see cref="EventStorePublisher"/> in the background: every event appended to the store, by this
    /// process or another, is delivered to the bus, and the checkpoint moves only past what the bus confirmed: handled or
    /// dead-lettered in memory, stored by the broker with RabbitMQ. Needs the store (<see cref="UseEventStore"/>) to keep checkpoints, and the bus that the
    /// generated <c>AddPatternsGen()</c> registers.
    /// </summary>
    public PatternsGenHostingBuilder AddEventStorePublisher(Action<EventStorePublisherOptions>? configure = null)
    {
        var options = new EventStorePublisherOptions();
        configure?.Invoke(options);
        return AddBackgroundWork("event-store-publisher", RunOn.OneInstance, _ => "event-store-publisher:" + options.Name, (sp, ct) =>
        {
            var bus = sp.GetService<IEventBus>() as IConfirmingEventBus ?? throw new InvalidOperationException(
                "The event store publisher delivers to the registered bus, which must confirm deliveries (the in-memory bus that AddPatternsGen() " +
                "registers, or a broker's such as UseRabbitMq); call services.AddPatternsGen() in the assembly with the handlers.");
            if (ReferenceEquals(options.TimeProvider, TimeProvider.System))
            {
                options.TimeProvider = sp.Clock(); // a clock in the container wins over the default, not over one you set
            }
            return new EventStorePublisher(sp.GetRequiredService<IEventStore>(), bus, Checkpoints(sp, "event store publisher"), options).RunAsync(ct);
        });
    }

    /// <summary>
    /// The same, with its settings read from <paramref name="section"/> (<c>Name</c>, <c>BatchSize</c>, <c>PollInterval</c>),
    /// e.g. <c>builder.Configuration.GetSection("PatternsGen:Publisher")</c>; <paramref name="configure"/> runs after.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names its key.</exception>
    public PatternsGenHostingBuilder AddEventStorePublisher(IConfiguration section, Action<EventStorePublisherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddEventStorePublisher(options =>
        {
            section.Read(nameof(options.Name), v => options.Name = v);
            section.Read(nameof(options.BatchSize), v => options.BatchSize = v);
            section.Read(nameof(options.PollInterval), v => options.PollInterval = v);
            configure?.Invoke(options);
        });
    }

    /// <summary>
    /// Keeps <typeparamref name="TProjection"/> (a <c>[Projection]</c> class, a singleton you can resolve and query)
    /// up to date in the background, from its own checkpoint. <see cref="RunOn.EachInstance"/> (the default) suits a view in
    /// the instance's memory: every instance keeps its own copy, with the other such projections added here.
    /// <see cref="RunOn.OneInstance"/> suits a view in a shared database: one instance at a time projects it, elected by a lease.
    /// </summary>
    public PatternsGenHostingBuilder AddProjection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProjection>(RunOn runOn = RunOn.EachInstance)
        where TProjection : class, IProjection =>
        AddProjection<TProjection>(runOn, shards: 1);

    /// <summary>
    /// The same, split by stream id into <paramref name="shards"/> <see cref="ProjectionShard"/>s, each with its own
    /// checkpoint; the projection's <c>Project</c> methods are then called concurrently for different streams. With
    /// <see cref="RunOn.EachInstance"/> the shards run side by side here. With <see cref="RunOn.OneInstance"/> they are shared
    /// out among the live instances, each shard on one at a time under its own lease, and shared out again as instances
    /// join and leave.
    /// </summary>
    /// <remarks>A stream's shard depends on the number of shards: to change it, rebuild the view.</remarks>
    public PatternsGenHostingBuilder AddProjection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProjection>(RunOn runOn, int shards)
        where TProjection : class, IProjection
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        Services.TryAddSingleton<TProjection>();
        if (runOn == RunOn.EachInstance)
        {
            for (var shard = 0; shard < shards; shard++)
            {
                var k = shard;
                Services.AddSingleton<IProjection>(sp => shards == 1 ? sp.GetRequiredService<TProjection>() : new ProjectionShard(sp.GetRequiredService<TProjection>(), k, shards));
            }

            AddProjectionRunner();
            return this;
        }

        var name = "projection:" + typeof(TProjection).Name;
        static string LeaseOf(IServiceProvider sp) => "projection:" + sp.GetRequiredService<TProjection>().ProjectionName;
        static Task Run(IServiceProvider sp, IProjection projection, CancellationToken ct) =>
            new ProjectionRunner(sp.GetRequiredService<IEventStore>(), Checkpoints(sp, "projections"), [projection], ProjectionOptions(sp)).RunAsync(ct);
        if (shards == 1)
        {
            return AddBackgroundWork(name, RunOn.OneInstance, LeaseOf, static (sp, ct) => Run(sp, sp.GetRequiredService<TProjection>(), ct));
        }

        return AddShardedWork(name, shards, LeaseOf, (sp, shard, ct) => Run(sp, new ProjectionShard(sp.GetRequiredService<TProjection>(), shard, shards), ct));
    }

    /// <summary>
    /// Sets how long the leases of <see cref="RunOn.OneInstance"/> work last and how often they are renewed
    /// (<see cref="LeaseOptions"/>): the time another instance needs to take over from one that died.
    /// </summary>
    public PatternsGenHostingBuilder ConfigureLeases(Action<LeaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new LeaseOptions();
        configure(options);
        options.Validate();
        Services.RemoveAll<LeaseOptions>();
        Services.AddSingleton(options);
        return this;
    }

    /// <summary>
    /// Sets the projections' settings (<see cref="ProjectionOptions"/>) over the defaults: events that still fail are
    /// parked in the store's dead letters when it keeps them, and logged under <c>PatternsGen.Projections</c>.
    /// </summary>
    public PatternsGenHostingBuilder ConfigureProjections(Action<ProjectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton(new ProjectionSettings(configure));
        return this;
    }

    /// <summary>The same, read from <paramref name="section"/>: <c>CheckpointEvery</c>, <c>Transactional</c>, <c>PollInterval</c>, <c>Retry:MaxAttempts</c>, <c>Retry:InitialDelay</c>, <c>Retry:MaxDelay</c>, <c>Retry:Jitter</c>.</summary>
    /// <exception cref="InvalidOperationException">A value does not parse; the message names its key.</exception>
    public PatternsGenHostingBuilder ConfigureProjections(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return ConfigureProjections(options =>
        {
            section.Read(nameof(options.CheckpointEvery), v => options.CheckpointEvery = v);
            section.Read(nameof(options.Transactional), v => options.Transactional = v);
            section.Read(nameof(options.PollInterval), v => options.PollInterval = v);
            section.GetSection(nameof(options.Retry)).ReadRetry(options.Retry);
        });
    }

    /// <summary>
    /// Finishes the runs of <typeparamref name="TSaga"/> that a stopped or crashed instance left unfinished (from its
    /// <see cref="SagaLog"/>): each is resumed, then <paramref name="resumed"/> is told how it ended. <typeparamref name="TSaga"/>
    /// is resolved from the container.
    /// </summary>
    /// <remarks>
    /// With a store that keeps leases (SQLite, PostgreSQL), several instances can share the log: each instance holds a lease
    /// while it lives, and one instance at a time looks, every <see cref="LeaseOptions.Duration"/>, for runs whose owner's
    /// lease has expired; it claims each (a record appended at the version it read, so the old owner, should it wake up,
    /// is refused its next write and stops) and resumes it (<see cref="SagaRunner.ResumeOrphansAsync{TContext}"/>). The
    /// runs' owner is <see cref="SagaLog.Owner"/>, this process unless set. With the in-memory store, every unfinished run
    /// is resumed once when the host starts.
    /// </remarks>
    public PatternsGenHostingBuilder AddSagaRecovery<TSaga, TContext>(Func<IServiceProvider, SagaSummary, CancellationToken, Task>? resumed = null)
        where TSaga : class, ISaga<TContext>
    {
        AddInstanceLease();
        var name = "saga-recovery:" + typeof(TSaga).Name;
        return AddBackgroundWork(name, RunOn.OneInstance, _ => name, async (sp, ct) =>
        {
            var saga = sp.GetRequiredService<TSaga>();
            var leases = sp.GetService<ILeaseStore>();
            var options = sp.GetService<LeaseOptions>() ?? new LeaseOptions();
            while (true)
            {
                var runs = leases is null
                    ? await SagaRunner.ResumeUnfinishedAsync(saga, ct).ConfigureAwait(false)
                    : await SagaRunner.ResumeOrphansAsync(saga, leases, options.Duration, ct).ConfigureAwait(false);
                foreach (var run in runs)
                {
                    if (resumed is not null)
                    {
                        await resumed(sp, run, ct).ConfigureAwait(false);
                    }
                }

                if (leases is null)
                {
                    return; // one instance: what was unfinished at start is all there is to recover
                }

                await Task.Delay(options.Duration, sp.Clock(), ct).ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> as a hosted service named <paramref name="name"/>: restarted with backoff when it
    /// fails, its token cancelled when the host stops, its state in <see cref="BackgroundWorkStatus"/> and in health.
    /// With <see cref="RunOn.OneInstance"/> it runs on one instance of the service at a time, elected by a lease named
    /// after it; the others wait on standby (<see cref="BackgroundWorkState.Standby"/>) and one takes over when it stops.
    /// </summary>
    public PatternsGenHostingBuilder AddBackgroundWork(string name, Func<IServiceProvider, CancellationToken, Task> work, RunOn runOn = RunOn.EachInstance) =>
        AddBackgroundWork(name, runOn, _ => name, work);

    private PatternsGenHostingBuilder AddBackgroundWork(
        string name, RunOn runOn, Func<IServiceProvider, string> leaseOf, Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        return AddHostedWork(name, work, runOn == RunOn.EachInstance ? null : (services, leases, options, status, logger, ct) =>
            LeasedWork.RunAsync(leases, leaseOf(services), options, status, logger, services.Clock(), held => work(services, held), ct));
    }

    /// <summary>Work in <paramref name="shards"/> parts shared out among the instances (<see cref="ShardedWork"/>).</summary>
    private PatternsGenHostingBuilder AddShardedWork(
        string name, int shards, Func<IServiceProvider, string> leaseOf, Func<IServiceProvider, int, CancellationToken, Task> work) =>
        AddHostedWork(
            name,
            (services, ct) => Task.WhenAll(Enumerable.Range(0, shards).Select(shard => work(services, shard, ct))),
            (services, leases, options, status, logger, ct) => ShardedWork.RunAsync(
                leases, leaseOf(services), shards, options, status, logger, services.Clock(), (shard, held) => work(services, shard, held), ct));

    /// <summary>
    /// Registers work as a hosted service with its status. <paramref name="leased"/>, when given and the store keeps leases,
    /// runs it among the instances; otherwise <paramref name="work"/> runs here, as on the only instance.
    /// </summary>
    private PatternsGenHostingBuilder AddHostedWork(string name, Func<IServiceProvider, CancellationToken, Task> work, LeasedRun? leased)
    {
        var status = new BackgroundWorkStatus(name);
        Services.AddSingleton(status);
        Services.AddSingleton<IHostedService>(sp =>
        {
            var logger = sp.Logger("PatternsGen.Hosting") ?? NullLogger.Instance;
            if (leased is not null && sp.GetService<ILeaseStore>() is { } leases)
            {
                var options = sp.GetService<LeaseOptions>() ?? new LeaseOptions();
                return new BackgroundWork(status, (services, ct) => leased(services, leases, options, status, logger, ct), sp, sp.Clock(), logger, leased: true);
            }

            return new BackgroundWork(status, work, sp, sp.Clock(), logger);
        });
        return this;
    }

    private delegate Task LeasedRun(IServiceProvider services, ILeaseStore leases, LeaseOptions options, BackgroundWorkStatus status, ILogger logger, CancellationToken ct);

    /// <summary>
    /// The lease this instance holds while it lives, taken before any other hosted work starts (the first hosted service),
    /// so that no other instance takes it for gone while it runs sagas.
    /// </summary>
    private void AddInstanceLease()
    {
        if (Services.Any(static s => s.ServiceType == typeof(InstanceLease)))
        {
            return;
        }

        Services.AddSingleton(static sp => new InstanceLease(sp.GetService<ILeaseStore>(), sp.GetService<LeaseOptions>() ?? new LeaseOptions(), sp.Clock()));
        Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(static sp => sp.GetRequiredService<InstanceLease>()));
    }

    /// <summary>One hosted runner for every projection, however many are added.</summary>
    private void AddProjectionRunner()
    {
        if (Services.Any(static s => s.ServiceType == typeof(ProjectionsAdded)))
        {
            return;
        }

        Services.AddSingleton<ProjectionsAdded>();
        AddBackgroundWork("projections", static (sp, ct) =>
            new ProjectionRunner(sp.GetRequiredService<IEventStore>(), Checkpoints(sp, "projections"), sp.GetServices<IProjection>(), ProjectionOptions(sp)).RunAsync(ct));
    }

    /// <summary>The projections' settings: the defaults, then what <see cref="ConfigureProjections(Action{ProjectionOptions})"/> set.</summary>
    private static ProjectionOptions ProjectionOptions(IServiceProvider sp)
    {
        var clock = sp.Clock();
        var options = new ProjectionOptions
        {
            Parked = sp.GetService<IDeadLetterQueue>() ?? new InMemoryDeadLetterQueue(),
            Logger = sp.Logger("PatternsGen.Projections"),
            TimeProvider = clock,
            Retry = new RetryOptions { Name = "projection", TimeProvider = clock },
        };
        foreach (var settings in sp.GetServices<ProjectionSettings>())
        {
            settings.Configure(options);
        }

        return options;
    }

    private void AddAs<TStore, TService>()
        where TStore : class
        where TService : class
    {
        if (typeof(TService).IsAssignableFrom(typeof(TStore)))
        {
            Services.TryAddSingleton<TService>(static sp => (TService)(object)sp.GetRequiredService<TStore>());
        }
    }

    private static ICheckpointStore Checkpoints(IServiceProvider services, string who) =>
        services.GetService<ICheckpointStore>() ?? throw new InvalidOperationException(
            $"The {who} keep their checkpoints in the event store: call UseEventStore with a store that keeps checkpoints (SQLite, PostgreSQL), or register an ICheckpointStore.");

    private sealed class ProjectionsAdded;

    private sealed record ProjectionSettings(Action<ProjectionOptions> Configure);
}
