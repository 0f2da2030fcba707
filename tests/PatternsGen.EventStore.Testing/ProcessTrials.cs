using PatternsGen.EventSourcing;
using PatternsGen.Sagas;

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

    /// <summary>
    /// Runs <paramref name="sagas"/> <see cref="ParcelSaga"/> runs in child processes, SIGKILLing the child
    /// <paramref name="kills"/> times after a varying number of side effects; each new child first resumes
    /// the unfinished runs. A last child finishes without a kill. Then every run must have ended as its
    /// order says (completed, or every completed step compensated), and a side effect may only have run
    /// twice when its first call was the last thing a killed process did (it was in flight at the kill).
    /// </summary>
    public static async Task KillDuringSagasAsync(IEventStore store, string kind, string connectionString, string schema, string ledger, int sagas, int kills)
    {
        var count = sagas.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var killed = new HashSet<int>();
        for (var trial = 0; trial < kills; trial++)
        {
            using var child = ChildProcess.Start(kind, connectionString, schema, "sagas", "order", count, ledger, "paced");
            if (!await child.KillAfterLinesAsync(1 + (trial * 7 % 13), "effect", answer: "go"))
            {
                break; // it finished every run before the kill came
            }

            killed.Add(child.ProcessId);
        }

        Assert.Equal(kills, killed.Count);

        using (var last = ChildProcess.Start(kind, connectionString, schema, "sagas", "order", count, ledger, "free"))
        {
            var (exitCode, error) = await last.WaitAsync();
            Assert.True(exitCode == 0, "the last child failed: " + error);
        }

        var calls = FileSagaEffects.Read(ledger);
        var runs = (await new SagaLog(store).ListAsync(nameof(ParcelSaga))).ToDictionary(static r => r.SagaId);
        Assert.Equal(sagas, runs.Count);
        for (var i = 0; i < sagas; i++)
        {
            var order = ParcelExpectations.Order("order", i);
            var (status, keys) = ParcelExpectations.For(order);
            Assert.Equal(status, runs[order.Id].Status);
            Assert.Equal(keys.Order(), calls.Select(static c => c.Call).Where(c => c.Contains($" {order.Id}:", StringComparison.Ordinal)).Distinct().Order());
        }

        var lastCallOf = calls.Select((c, index) => (c.Pid, index)).GroupBy(static c => c.Pid).ToDictionary(static g => g.Key, static g => g.Max(static c => c.index));
        for (var index = 0; index < calls.Count; index++)
        {
            var (pid, call) = calls[index];
            var again = calls.FindIndex(index + 1, c => c.Call == call);
            if (again >= 0)
            {
                Assert.True(killed.Contains(pid) && lastCallOf[pid] == index,
                    $"'{call}' ran again (call {again}) although its earlier run (call {index}, process {pid}) was not cut short by a kill");
            }
        }

        Assert.True(calls.Count > sagas * 4, $"only {calls.Count} side effects were recorded");
    }

    /// <summary>
    /// <paramref name="kills"/> times: a child appends batches and forwards them through an <see cref="Messaging.EventStorePublisher"/>
    /// to a bus whose handler writes a ledger, and is SIGKILLed after a varying number of appends (between an
    /// append and its publishing, or in the middle of it). A last child drains what is pending. Then every
    /// event in the store must be in the ledger: nothing lost between store and bus.
    /// </summary>
    public static async Task KillDuringPublishingAsync(IEventStore store, string kind, string connectionString, string schema, string ledger, int kills)
    {
        for (var trial = 0; trial < kills; trial++)
        {
            using var child = ChildProcess.Start(kind, connectionString, schema, "publish-forever", $"t{trial}", ledger);
            Assert.True(await child.KillAfterLinesAsync(1 + (trial * 5 % 9)));
        }

        using (var drain = ChildProcess.Start(kind, connectionString, schema, "publish-drain", "drain", ledger))
        {
            var (exitCode, error) = await drain.WaitAsync();
            Assert.True(exitCode == 0, "the draining child failed: " + error);
        }

        var stored = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync())
        {
            stored.Add(e);
        }

        var handled = LedgerHandlers.Read(ledger).Select(static h => h.MessageId).ToHashSet();
        Assert.True(stored.Count >= kills * 3, $"only {stored.Count} events were appended");
        var letters = await ((Messaging.IDeadLetterQueue)store).ListAsync();
        Assert.True(letters.Count == 0, "dead letters: " + string.Join("; ", letters.Select(static l => $"{l.Message.Key}@{l.Message.Sequence} {l.ErrorType}: {l.Error}")));
        var lost = stored.Where(e => !handled.Contains(e.EventId)).ToList();
        if (lost.Count > 0)
        {
            var inbox = (Messaging.IInbox)store;
            var notes = new List<string>();
            foreach (var e in lost)
            {
                notes.Add($"{e} inbox={await inbox.HasHandledAsync("PatternsGen.EventStore.Testing.LedgerHandlers.OnTick", e.EventId)}");
            }

            Assert.Fail($"lost {string.Join(", ", notes)}; checkpoint {await ((ICheckpointStore)store).GetAsync("event-bus")}; last {stored[^1].Position}; " +
                        $"ledger {LedgerHandlers.Read(ledger).Count} lines; positions {string.Join(",", stored.Select(static e => e.Position))}");
        }

        Assert.Equal(stored[^1].Position, await ((ICheckpointStore)store).GetAsync("event-bus"));
    }
}
