using System.Diagnostics;
using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.Hosting.Node;
using PatternsGen.Tests;
using Xunit.Abstractions;

namespace PatternsGen.Hosting.Tests;

/// <summary>
/// Three instances of a service on one PostgreSQL store, as separate processes: the store publisher runs on one at a
/// time, and when that one is killed with SIGKILL another takes over within the documented bound, losing nothing.
/// </summary>
public sealed class SeveralNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private readonly string _schema = "nodes_" + Guid.NewGuid().ToString("N");
    private readonly string _effects = Directory.CreateTempSubdirectory("patternsgen-nodes-").FullName;
    private readonly List<Process> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task The_active_publisher_killed_twenty_times_hands_over_within_the_lease_and_every_event_is_published()
    {
        var connection = ExternalServer.Require("PATTERNSGEN_PG", "PostgreSQL", "see docs/testing.md to run the PostgreSQL tests.");
        await using var store = new PostgresEventStore(connection, null, _schema);
        for (var i = 0; i < 3; i++)
        {
            _nodes.Add(await StartNodeAsync(connection));
        }

        // Appends go on all the time, from another "service": each kill lands wherever the publisher happens to be.
        var appended = 0;
        using var stopAppending = new CancellationTokenSource();
        var appender = Task.Run(async () =>
        {
            while (!stopAppending.IsCancellationRequested)
            {
                await store.AppendAsync("tick-" + appended, ExpectedVersion.NoStream, [new Tick(appended)]);
                Interlocked.Increment(ref appended);
                await Task.Delay(5);
            }
        });

        var takeovers = new List<TimeSpan>();
        var random = new Random(25);
        for (var trial = 0; trial < 20; trial++)
        {
            await UntilAsync(() => Published().Count >= Volatile.Read(ref appended) - 20, "the active node keeps up");
            await Task.Delay(random.Next(50, 500)); // a random point in its work
            var active = await ActivePidAsync(connection);
            var victim = _nodes.Single(n => n.Id == active);
            victim.Kill(); // SIGKILL: no release, no checkpoint, the lease simply stops being renewed
            var killed = Stopwatch.StartNew();
            victim.WaitForExit();
            _nodes.Remove(victim);
            var before = Published().Count;
            _nodes.Add(await StartNodeAsync(connection)); // the service keeps three instances
            await UntilAsync(() => Published().Count > before, "another node takes over");
            takeovers.Add(killed.Elapsed);
        }

        await stopAppending.CancelAsync();
        await appender;
        await UntilAsync(() => Published().Count == appended, "every event is published");
        var counts = PublishedCounts();
        var ids = (await ReadAllIdsAsync(store)).ToHashSet();
        Assert.Equal(appended, ids.Count);
        Assert.True(ids.SetEquals(counts.Keys), "every stored event was published, and nothing else");
        var worst = takeovers.Max();
        output.WriteLine($"20 kills of the active node: {appended} events, each published ({counts.Values.Sum() - appended} twice: delivered, not yet checkpointed when killed); " +
                         $"takeover median {takeovers.Order().ElementAt(10).TotalSeconds:F2} s, worst {worst.TotalSeconds:F2} s with a {Lease.TotalSeconds} s lease");
        Assert.True(worst <= Lease * 2, $"a takeover took {worst.TotalSeconds:F2} s, over twice the {Lease.TotalSeconds} s lease");
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            try
            {
                node.StandardInput.Close();
                if (!node.WaitForExit(30_000))
                {
                    node.Kill();
                }
            }
            finally
            {
                node.Dispose();
            }
        }

        Directory.Delete(_effects, recursive: true);
        if (Environment.GetEnvironmentVariable("PATTERNSGEN_PG") is { Length: > 0 } connection)
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", db);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<Process> StartNodeAsync(string connection)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "PatternsGen.Hosting.Node", "bin", here.Parent!.Name, here.Name, "PatternsGen.Hosting.Node.dll"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--pg", connection, "--schema", _schema, "--effects", _effects, "--lease-ms", ((int)Lease.TotalMilliseconds).ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        var node = Process.Start(start)!;
        var ready = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(ready == "ready", $"the node said '{ready}' instead of ready");
        return node;
    }

    /// <summary>The publisher's lease holder, as the database has it: its owner is "machine/pid/random".</summary>
    private async Task<int> ActivePidAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT owner FROM \"{_schema}\".patternsgen_leases WHERE name = 'event-store-publisher:event-bus' AND expires_at > clock_timestamp()", db);
        var owner = (string)(await query.ExecuteScalarAsync() ?? throw new InvalidOperationException("nobody holds the publisher's lease"));
        return int.Parse(owner.Split('/')[1]);
    }

    private HashSet<Guid> Published() => PublishedCounts().Keys.ToHashSet();

    private Dictionary<Guid, int> PublishedCounts()
    {
        var counts = new Dictionary<Guid, int>();
        foreach (var file in Directory.GetFiles(_effects))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                if (Guid.TryParse(line, out var id))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }
        }

        return counts;
    }

    private static async Task<List<Guid>> ReadAllIdsAsync(IEventStore store)
    {
        var ids = new List<Guid>();
        await foreach (var e in store.ReadAllAsync(0))
        {
            ids.Add(e.EventId);
        }

        return ids;
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Not within 60 s: {what}.");
            await Task.Delay(20);
        }
    }
}
