using PatternsGen.Coordination;

namespace PatternsGen.Hosting;

/// <summary>
/// The leases an instance holds under its own name (<c>instance:&lt;id&gt;</c>, a projection's member lease) stay behind
/// as expired rows when it dies, and every restart names a new instance: each start deletes the rows of instances gone
/// for a whole lease, so the table does not grow with every restart.
/// </summary>
internal static class GoneInstances
{
    public static async Task ForgetAsync(ILeaseStore leases, string prefix, LeaseOptions options, CancellationToken ct)
    {
        try
        {
            await leases.ForgetLeasesAsync(prefix, options.Duration, ct).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Housekeeping only: the next start tries again.
        }
    }
}
