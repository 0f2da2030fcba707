namespace Shop.Run;

/// <summary>
/// Kills a random instance of a random service with SIGKILL every one to two and a half seconds while the orders are
/// in flight, and starts it again on the same port after a moment: a crash mid-request, mid-saga, mid-message.
/// </summary>
public sealed class Chaos(Services services, int seed, TextWriter output)
{
    private readonly Random _random = new(seed);

    public int Kills { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1_000, 2_500)), stop);
                var victim = services.All[_random.Next(services.All.Count)];
                var pid = victim.Pid;
                victim.Kill();
                Kills++;
                output.WriteLine($"  chaos: killed {victim.Name} (pid {pid}) with SIGKILL");
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(200, 1_000)), CancellationToken.None);
                services.Start(victim);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the orders are all settled
        }
    }
}
