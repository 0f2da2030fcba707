using PatternsGen.EventSourcing;
using PatternsGen.EventStore.PostgreSql;
using PatternsGen.EventStore.Sqlite;
using PatternsGen.EventStore.Testing;
using PatternsGen.Messaging;
using PatternsGen.Sagas;

// Usage: <sqlite|postgres> <connection string> <schema or -> <append-forever|write-shared|sagas> <name> [batches|count] [ledger paced|free]
//   append-forever: appends batches of 10 Ticks to three streams and prints "appended N" after each, until killed.
//   write-shared:   appends [batches] batches of 3 to stream "shared", reloading on each conflict; exit 0 when done.
//   sagas:          resumes the unfinished ParcelSaga runs, then starts runs <name>-0 .. <name>-[count-1] not yet
//                   started, one at a time, side effects going to the [ledger] file (paced: waiting for a
//                   line on standard input after each); exit 0 when done.
//   publish-forever: appends a batch of 3 Ticks to one of three streams, prints "appended N", forwards what is
//                   pending from the store to a bus whose handler writes the [ledger] (args[5]); until killed.
//   publish-drain:  forwards what is pending to the same bus once; exit 0.
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: <sqlite|postgres> <connection string> <schema or -> <append-forever|write-shared> <name> [batches]");
    return 2;
}

var (kind, connectionString, schema, mode, name) = (args[0], args[1], args[2], args[3], args[4]);
IEventStore store = kind switch
{
    "sqlite" => new SqliteEventStore(connectionString),
    "postgres" => new PostgresEventStore(connectionString, null, schema),
    _ => throw new ArgumentException($"unknown store '{kind}'"),
};

try
{
    if (mode == "append-forever")
    {
        for (var batch = 0; ; batch++)
        {
            var events = Enumerable.Range(0, 10).Select(i => (object)new Tick(i, $"{name}-{batch}")).ToList();
            await store.AppendAsync($"crash-{batch % 3}", ExpectedVersion.Any, events);
            Console.WriteLine($"appended {batch}");
        }
    }

    if (mode is "publish-forever" or "publish-drain")
    {
        var handlers = new LedgerHandlers(args[5]);
        await using var bus = new InMemoryEventBus(
            LedgerHandlers.GetEventHandlers(EventDispatch.From(() => handlers)),
            new EventBusOptions { Inbox = (IInbox)store, DeadLetters = (IDeadLetterQueue)store });
        var publisher = new EventStorePublisher(store, bus, (ICheckpointStore)store, new EventStorePublisherOptions { BatchSize = 4 });
        for (var batch = 0; mode == "publish-forever"; batch++)
        {
            var events = Enumerable.Range(0, 3).Select(i => (object)new Tick(i, $"{name}-{batch}")).ToList();
            await store.AppendAsync($"pub-{batch % 3}", ExpectedVersion.Any, events);
            Console.WriteLine($"appended {batch}");
            await publisher.PublishPendingAsync();
        }

        await publisher.PublishPendingAsync();
        Console.WriteLine("done");
        return 0;
    }

    if (mode == "sagas")
    {
        var log = new SagaLog(store);
        var saga = new ParcelSaga(new FileSagaEffects(args[6], paced: args[7] == "paced"), log);
        await saga.ResumeUnfinishedAsync();
        var started = (await log.ListAsync(nameof(ParcelSaga))).Select(static r => r.SagaId).ToHashSet();
        for (var i = 0; i < int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture); i++)
        {
            var order = ParcelExpectations.Order(name, i);
            if (started.Contains(order.Id))
            {
                continue;
            }

            try
            {
                await saga.ExecuteAsync(order.Id, order);
            }
            catch (SagaExecutionException)
            {
                // the orders that fail on purpose: compensated, and recorded so
            }
        }

        Console.WriteLine("done");
        return 0;
    }

    var batches = int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture);
    for (var batch = 0; batch < batches; batch++)
    {
        var events = Enumerable.Range(0, 3).Select(i => (object)new Tick(i, $"{name}-{batch}")).ToList();
        while (true)
        {
            var version = 0L;
            await foreach (var e in store.ReadStreamAsync("shared"))
            {
                version = e.Version;
            }

            try
            {
                await store.AppendAsync("shared", version, events);
                break;
            }
            catch (ConcurrencyException)
            {
                // another process won: reload and try again
            }
        }
    }

    Console.WriteLine("done");
    return 0;
}
catch (Exception error)
{
    Console.Error.WriteLine(error);
    return 1;
}
