// A consumer of the transport's fault tests. It handles FaultProbe messages as service --service on exchange
// --exchange, de-duplicates through a SQLite inbox shared by every worker (--inbox), and writes one line per handled
// message to its own file in --effects (flushed before the message is acknowledged, so a SIGKILL loses no line). It
// prints "ready" once consuming and stops gracefully when its standard input closes.
using PatternsGen.EventStore.Sqlite;
using PatternsGen.Messaging;
using PatternsGen.Messaging.RabbitMQ;
using PatternsGen.Resilience;
using PatternsGen.Transport.RabbitMQ.Worker;

var arguments = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var store = new SqliteEventStore($"Data Source={arguments["inbox"]}");
var effects = new StreamWriter(new FileStream(Path.Combine(arguments["effects"], $"effects-{Environment.ProcessId}.log"), FileMode.Append, FileAccess.Write, FileShare.Read));
var gate = new object();

var handler = new EventHandlerRegistration("Faults.Probe", typeof(FaultProbe), topic: null, usesInbox: true, (e, context, _) =>
{
    var probe = (FaultProbe)e;
    if (probe.Poison || context.Attempt <= probe.FailTimes)
    {
        throw new InvalidOperationException($"probe {probe.Id} fails attempt {context.Attempt}");
    }

    lock (gate)
    {
        effects.WriteLine($"{probe.Id} {context.Attempt}");
        effects.Flush();
    }

    return default;
});

await using var bus = new RabbitMqEventBus([handler], new RabbitMqBusOptions
{
    ConnectionString = arguments["broker"],
    ServiceName = arguments["service"],
    Exchange = arguments["exchange"],
    Inbox = store,
    Concurrency = 16,
    Retry = new RetryOptions { MaxAttempts = 5, InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(40) },
});
await bus.StartAsync();
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
await bus.StopAsync();
Console.WriteLine("stopped");
