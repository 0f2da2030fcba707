namespace Shop.Run;

/// <summary>
/// Kills a random instance with SIGKILL every one to two and a half seconds while the orders are in flight, and starts
/// it again on the same port after a moment: a crash mid-request, mid-saga, mid-message. The services take turns in a
/// shuffled order, so five kills hit each service once.
/// </summary>
public sealed class Chaos(Services services, int seed, int kills, TextWriter output)
{
    /// <summary>How long the chaos needs for its kills on average: the launcher spreads the orders' arrivals over it.</summary>
    public TimeSpan Expected => TimeSpan.FromSeconds(1.75 * kills);

    private readonly Random _random = new(seed);
    private readonly Queue<string> _turns = new();

    public int Kills { get; private set; }

    /// <summary>Kills until <paramref name="ordersDone"/> is cancelled, and at least the number of kills asked for.</summary>
    public async Task RunAsync(CancellationToken ordersDone)
    {
        while (!ordersDone.IsCancellationRequested || Kills < kills)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1_000, 2_500)), Kills < kills ? CancellationToken.None : ordersDone);
            }
            catch (OperationCanceledException)
            {
                return; // the orders are all settled, and the kills done
            }

            if (_turns.Count == 0)
            {
                foreach (var service in Services.Names.OrderBy(_ => _random.Next()))
                {
                    _turns.Enqueue(service);
                }
            }

            var instances = services.Of(_turns.Dequeue()).ToArray();
            var victim = instances[_random.Next(instances.Length)];
            var pid = victim.Pid;
            victim.Kill();
            Kills++;
            output.WriteLine($"  chaos: killed {victim.Name} (pid {pid}) with SIGKILL");
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(200, 1_000)), CancellationToken.None);
            services.Start(victim);
        }
    }
}
