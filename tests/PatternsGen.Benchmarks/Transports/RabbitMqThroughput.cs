using System.Diagnostics;
using System.Globalization;

namespace PatternsGen.Benchmarks.Transports;

/// <summary>
/// Publish-to-handled throughput and end-to-end latency on one broker, in one run: RabbitMQ.Client by hand, PatternsGen's
/// RabbitMqEventBus and MassTransit, each doing the same work (persistent messages, publisher confirms, manual acks, a
/// quorum queue, 8 messages in flight on the consumer, JSON). Rounds alternate the contenders; medians are reported.
/// Needs PATTERNSGEN_RABBITMQ (default amqp://guest:guest@127.0.0.1:5672/).
/// </summary>
internal static class RabbitMqThroughput
{
    private const int Concurrency = 8;
    private const int PublishersInFlight = 64;
    private const int LatencySamples = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var uri = Environment.GetEnvironmentVariable("PATTERNSGEN_RABBITMQ") ?? "amqp://guest:guest@127.0.0.1:5672/";
        Func<IContender>[] contenders =
        [
            () => new RawClient(uri, Concurrency),
            () => new PatternsGenBus(uri, Concurrency),
            () => new MassTransitBus(uri, Concurrency),
        ];
        var results = new Dictionary<string, List<Result>>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var make in contenders)
            {
                await using var contender = make();
                await contender.StartAsync();
                await ThroughputAsync(contender, 2_000); // warm-up: JIT, connections, queue
                var result = new Result(await ThroughputAsync(contender, messages), await LatencyAsync(contender));
                (results.TryGetValue(contender.Name, out var list) ? list : results[contender.Name] = []).Add(result);
                Console.WriteLine($"round {round}: {contender.Name,-30} {result}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| contender | messages/s | vs raw | p50 | p99 | allocated per message | ({messages:N0} messages, {PublishersInFlight} publishes in flight, {Concurrency} on the consumer; medians of {rounds}) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var raw = Median(results.First().Value, r => r.Throughput.PerSecond);
        foreach (var (name, list) in results)
        {
            var rate = Median(list, r => r.Throughput.PerSecond);
            Console.WriteLine($"| {name} | {rate:N0} | {rate / raw:F2}× | {Median(list, r => r.Latency.P50):F2} ms | {Median(list, r => r.Latency.P99):F2} ms | {Median(list, r => r.Throughput.BytesPerMessage):N0} B |");
        }

        return 0;
    }

    /// <summary>Publishes <paramref name="count"/> messages with <see cref="PublishersInFlight"/> at once, until the handler has every one.</summary>
    private static async Task<Throughput> ThroughputAsync(IContender contender, int count)
    {
        Sink.Reset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = PublishersInFlight },
            async (id, _) => await contender.PublishAsync(new BenchEvent(Stopwatch.GetTimestamp(), id, "order-" + id, 10.5m)));
        while (Sink.Handled < count)
        {
            await Task.Delay(1);
        }

        var elapsed = clock.Elapsed;
        return new Throughput(count / elapsed.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)count);
    }

    /// <summary>One message at a time, from publish to the handler: the latency a request that waits for its event sees.</summary>
    private static async Task<Latency> LatencyAsync(IContender contender)
    {
        var samples = new double[LatencySamples];
        for (var i = 0; i < samples.Length; i++)
        {
            var handled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Sink.Waiter = _ => handled.TrySetResult(Stopwatch.GetTimestamp());
            var sent = Stopwatch.GetTimestamp();
            await contender.PublishAsync(new BenchEvent(sent, i, "order-" + i, 10.5m));
            samples[i] = Stopwatch.GetElapsedTime(sent, await handled.Task).TotalMilliseconds;
        }

        Sink.Waiter = null;
        Array.Sort(samples);
        return new Latency(samples[samples.Length / 2], samples[(int)(samples.Length * 0.99)]);
    }

    private static double Median(List<Result> results, Func<Result, double> value)
    {
        var sorted = results.Select(value).Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private sealed record Throughput(double PerSecond, double BytesPerMessage);

    private sealed record Latency(double P50, double P99);

    private sealed record Result(Throughput Throughput, Latency Latency)
    {
        public override string ToString() =>
            $"{Throughput.PerSecond,8:N0} msg/s, {Throughput.BytesPerMessage,6:N0} B/msg, p50 {Latency.P50:F2} ms, p99 {Latency.P99:F2} ms";
    }
}
