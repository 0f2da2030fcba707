using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatternsGen.Hosting.Tests;
using PatternsGen.Messaging.RabbitMQ;
using PatternsGen.Transport.RabbitMQ.Worker;
using Xunit.Abstractions;

namespace PatternsGen.Transport.RabbitMQ.Tests;

/// <summary>Tests that stop the broker or load it hard run alone, after the others.</summary>
[CollectionDefinition(nameof(BrokerFaults), DisableParallelization = true)]
public sealed class BrokerFaults;

/// <summary>
/// Real consumer processes against a real broker: failures and poison at volume, SIGKILL mid-batch, and the broker
/// itself restarted under publishers and consumers.
/// </summary>
[Collection(nameof(BrokerFaults))]
public sealed class FaultTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Ten_thousand_messages_with_failures_and_poison_over_three_processes_are_handled_once_or_dead_lettered()
    {
        await using var run = await FaultRun.StartAsync();
        var workers = new List<WorkerProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                workers.Add(await WorkerProcess.StartAsync(run));
            }

            // One in five fails its first 1 to 3 attempts; one in a hundred fails every attempt.
            var probes = Enumerable.Range(0, 10_000).Select(id => new FaultProbe(id, id % 5 == 0 ? 1 + id / 5 % 3 : 0, id % 100 == 7)).ToList();
            var clock = Stopwatch.StartNew();
            await run.PublishAsync(probes);
            var published = clock.Elapsed;

            var good = probes.Where(p => !p.Poison).Select(p => p.Id).ToHashSet();
            await Until(async () => run.Handled().Count == good.Count && await run.DeadLetterCountAsync() == 100, TimeSpan.FromMinutes(3), run);
            output.WriteLine($"published 10,000 in {published.TotalSeconds:F1} s; all handled or dead-lettered in {clock.Elapsed.TotalSeconds:F1} s");

            var handled = run.Handled();
            Assert.Equal(good.Order(), handled.Keys.Order());
            Assert.All(handled, pair => Assert.True(pair.Value == 1, $"probe {pair.Key} handled {pair.Value} times"));
            var letters = await run.Publisher.DeadLetters.ListAsync();
            Assert.Equal(100, letters.Count);
            Assert.All(letters, letter =>
            {
                var probe = Assert.IsType<FaultProbe>(letter.Message.Event);
                Assert.True(probe.Poison);
                Assert.Equal(5, letter.Attempts);
                Assert.Equal($"probe {probe.Id} fails attempt 5", letter.Error);
            });
        }
        finally
        {
            await StopAllAsync(workers);
        }
    }

    [SkippableFact]
    public async Task Consumers_killed_with_SIGKILL_mid_batch_twenty_times_lose_nothing()
    {
        await using var run = await FaultRun.StartAsync();
        var workers = new List<WorkerProcess> { await WorkerProcess.StartAsync(run), await WorkerProcess.StartAsync(run) };
        var duplicates = 0;
        try
        {
            var next = 0;
            for (var kill = 0; kill < 20; kill++)
            {
                await run.PublishAsync(Enumerable.Range(next, 250).Select(id => new FaultProbe(id, 0, false)));
                next += 250;
                var before = run.Handled().Count;
                await Until(() => Task.FromResult(run.Handled().Count >= before + 50), TimeSpan.FromSeconds(60), run); // mid-batch: it is handling

                var victim = workers[kill % workers.Count];
                victim.Kill();
                victim.Dispose();
                workers[kill % workers.Count] = await WorkerProcess.StartAsync(run);
            }

            await Until(() => Task.FromResult(run.Handled().Count == next), TimeSpan.FromMinutes(2), run);
            var handled = run.Handled();
            Assert.Equal(Enumerable.Range(0, next), handled.Keys.Order());
            duplicates = handled.Values.Sum(n => n - 1);
            output.WriteLine($"{next} messages, 20 kills: none lost, {duplicates} handled twice (killed between the handler's effect and the inbox's mark)");
            Assert.Equal(0u, await run.DeadLetterCountAsync());
        }
        finally
        {
            await StopAllAsync(workers);
        }
    }

    [SkippableFact]
    public async Task A_broker_restarted_mid_stream_loses_nothing_and_everyone_reconnects()
    {
        Skip.If(!Rabbitmqctl.Available, "rabbitmqctl is not on the PATH (or not allowed): this test restarts the broker with it.");
        await using var run = await FaultRun.StartAsync();
        var workers = new List<WorkerProcess> { await WorkerProcess.StartAsync(run), await WorkerProcess.StartAsync(run) };
        try
        {
            var failures = 0;

            // A caller's loop: every publish is confirmed or fails to its caller, who publishes it again.
            async Task PublishAsync(IEnumerable<int> ids) =>
                await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
                {
                    while (true)
                    {
                        try
                        {
                            await run.Publisher.PublishAsync(new PatternsGen.Messaging.EventMessage(new FaultProbe(id, 0, false), key: id % 2 == 0 ? "s" + id % 10 : null))
                                .AsTask().WaitAsync(TimeSpan.FromSeconds(60));
                            return;
                        }
                        catch (EventBusException)
                        {
                            Interlocked.Increment(ref failures);
                            await Task.Delay(100); // a caller backing off while the broker is away
                        }
                    }
                });

            await PublishAsync(Enumerable.Range(0, 1_000));
            await Rabbitmqctl.RunAsync("stop_app"); // while the workers are still handling the first thousand
            var during = PublishAsync(Enumerable.Range(1_000, 1_000));
            await Rabbitmqctl.RunAsync("start_app");
            await during;
            await PublishAsync(Enumerable.Range(2_000, 1_000));

            await Until(() => Task.FromResult(run.Handled().Count == 3_000), TimeSpan.FromMinutes(2), run);
            Assert.Equal(Enumerable.Range(0, 3_000), run.Handled().Keys.Order());
            Assert.True(failures > 0, "the restart should have failed some publishes to their callers");
            Assert.True(run.Publisher.IsConnected);
            output.WriteLine($"3,000 messages across a broker restart: {failures} publishes failed to their caller and were published again; none lost");
        }
        finally
        {
            await Rabbitmqctl.RunAsync("start_app"); // whatever failed above, leave a running broker to the other tests
            await StopAllAsync(workers);
        }
    }

    [SkippableFact]
    public async Task The_broker_health_check_is_unhealthy_while_the_broker_is_away_and_healthy_once_it_is_back()
    {
        Skip.If(!Rabbitmqctl.Available, "rabbitmqctl is not on the PATH (or not allowed): this test stops the broker with it.");
        var handler = new PatternsGen.Messaging.EventHandlerRegistration("Health.Noop", typeof(OrderPlaced), null, false, (_, _, _) => default);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new PatternsGen.Messaging.EventHandlerSet([handler]));
        builder.Services.AddPatternsGenHosting().UseRabbitMq(bus =>
        {
            bus.ConnectionString = Broker.ConnectionString();
            bus.ServiceName = Broker.UniqueName("health");
            bus.Exchange = Broker.UniqueName("events");
        });
        builder.Services.AddHealthChecks().AddPatternsGen();
        using var host = builder.Build();
        var bus = host.Services.GetRequiredService<RabbitMqEventBus>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await host.StartAsync();
        try
        {
            Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["patternsgen-broker"].Status);

            await Rabbitmqctl.RunAsync("stop_app");
            var away = (await health.CheckHealthAsync()).Entries["patternsgen-broker"];
            Assert.Equal(HealthStatus.Unhealthy, away.Status);
            Assert.Contains("Not connected to RabbitMQ amqp://guest:***@", away.Description);

            await Rabbitmqctl.RunAsync("start_app");
            await Until(async () => (await health.CheckHealthAsync()).Entries["patternsgen-broker"].Status == HealthStatus.Healthy, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await Rabbitmqctl.RunAsync("start_app");
            await host.StopAsync();
            await Broker.DeleteAsync(bus.Options, bus.Handlers);
        }
    }

    private static async Task Until(Func<Task<bool>> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < limit, $"Not done within {limit}.");
            await Task.Delay(50);
        }
    }

    private async Task Until(Func<Task<bool>> done, TimeSpan limit, FaultRun run)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < limit, $"Not done within {limit}: {run.Handled().Count} handled, {await run.DeadLetterCountAsync()} dead letters.");
            await Task.Delay(50);
        }
    }

    private async Task StopAllAsync(List<WorkerProcess> workers)
    {
        foreach (var worker in workers)
        {
            try
            {
                await worker.StopAsync();
            }
            catch (Exception error)
            {
                output.WriteLine($"worker did not stop: {error.Message}\n{worker.Output}");
            }
            finally
            {
                worker.Dispose();
            }
        }
    }
}
