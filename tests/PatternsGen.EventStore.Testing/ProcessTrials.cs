using PatternsGen.EventSourcing;

namespace PatternsGen.EventStore.Testing;

/// <summary>Store tests that need other processes: SIGKILL in the middle of appends, and writers in several processes.</summary>
public static class ProcessTrials
{
    /// <summary>
    /// <paramref name="trials"/> times: start a child that appends batches of 10 without pause and SIGKILL it
    /// after a varying number of acknowledged batches. Then every stream must hold whole batches only, gapless,
    /// and every acknowledged batch must be there.
    /// </summary>
    public static async Task KillDuringAppendsAsync(IEventStore store, string kind, string connectionString, string schema, int trials)
    {
        var acknowledged = new List<string>();
        for (var trial = 0; trial < trials; trial++)
        {
            using var child = ChildProcess.Start(kind, connectionString, schema, "append-forever", $"t{trial}");
            var lines = 1 + (trial * 7 % 13);
            await child.KillAfterLinesAsync(lines);
            acknowledged.AddRange(Enumerable.Range(0, lines).Select(b => $"t{trial}-{b}"));
        }

        var found = new HashSet<string>();
        for (var s = 0; s < 3; s++)
        {
            var stream = new List<RecordedEvent>();
            await foreach (var e in store.ReadStreamAsync($"crash-{s}"))
            {
                stream.Add(e);
            }

            Assert.Equal(Enumerable.Range(1, stream.Count).Select(static v => (long)v), stream.Select(static e => e.Version));
            Assert.Equal(0, stream.Count % 10);
            foreach (var batch in stream.Chunk(10))
            {
                var ticks = batch.Select(static e => (Tick)e.Data).ToList();
                Assert.Single(ticks.Select(static t => t.Batch).Distinct());
                Assert.Equal(Enumerable.Range(0, 10), ticks.Select(static t => t.Number));
                Assert.True(found.Add(ticks[0].Batch), $"batch {ticks[0].Batch} stored twice");
            }
        }

        Assert.Empty(acknowledged.Except(found));
    }

    /// <summary>Four processes append 10 batches each to one stream, reloading on conflicts: all succeed, the stream is gapless and whole.</summary>
    public static async Task WritersInSeveralProcessesAsync(IEventStore store, string kind, string connectionString, string schema)
    {
        const int processes = 4, batches = 10;
        var children = Enumerable.Range(0, processes)
            .Select(p => ChildProcess.Start(kind, connectionString, schema, "write-shared", $"p{p}", batches.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        try
        {
            foreach (var (exitCode, error) in await Task.WhenAll(children.Select(static c => c.WaitAsync())))
            {
                Assert.True(exitCode == 0, "a writer failed: " + error);
            }
        }
        finally
        {
            children.ForEach(static c => c.Dispose());
        }

        var stream = new List<RecordedEvent>();
        await foreach (var e in store.ReadStreamAsync("shared"))
        {
            stream.Add(e);
        }

        Assert.Equal(Enumerable.Range(1, processes * batches * 3).Select(static v => (long)v), stream.Select(static e => e.Version));
        Assert.Equal(processes * batches, stream.Chunk(3).Select(static c => Assert.Single(c.Select(static e => ((Tick)e.Data).Batch).Distinct())).Distinct().Count());
    }
}
