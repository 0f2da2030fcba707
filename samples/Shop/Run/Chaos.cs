namespace Shop.Run;

/// <summary>
/// Kills a random instance of a random service with SIGKILL every one to two and a half seconds while the orders are
/// in flight, and starts it again on the same port after a moment: a crash mid-request, mid-saga, mid-message.
/// </summary>
public sealed class Chaos(Services services, int seed, int kills, TextWriter output)
{
    /// <summary>How long the chaos needs for its kills on average: the launcher spreads the orders' arrivals over it.</summary>
    public TimeSpan Expected => TimeSpan.FromSeconds(1.75 * kills);

    private readonly Random _random = new(seed);

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

            var victim = services.All[_random.Next(services.All.Count)];
            var pid = victim.Pid;
            victim.Kill();
            Kills++;
            output.WriteLine($"  chaos: killed {victim.Name} (pid {pid}) with SIGKILL");
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(200, 1_000)), CancellationToken.None);
            services.Start(victim);
        }
    }
}
