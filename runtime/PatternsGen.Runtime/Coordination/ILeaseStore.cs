namespace PatternsGen.Coordination;

/// <summary>
/// Leases on named work, so that among the instances of a service exactly one does it at a time: the store publisher,
/// a projection whose view lives in a shared database. A lease lasts a given time and is renewed by its holder; when the
/// holder dies, another instance takes it once it has expired. Each new holder gets a larger fencing token. The SQLite
/// and PostgreSQL stores keep leases in their database, timed by the database's clock, so instances' clocks need not agree.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease on <paramref name="name"/> for <paramref name="owner"/>, or renews it when <paramref name="owner"/>
    /// holds it, for <paramref name="duration"/> from now. Returns its fencing token — the same on a renewal, larger for
    /// every new holder — or null when another owner holds it.
    /// </summary>
    ValueTask<long?> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken ct = default);

    /// <summary>Gives the lease up at once, when <paramref name="owner"/> holds it: another instance may take it now.</summary>
    ValueTask ReleaseLeaseAsync(string name, string owner, CancellationToken ct = default);

    /// <summary>
    /// The leases held now (not expired, not released) whose names start with <paramref name="prefix"/>, by name: how
    /// instances see who else is alive and who does what, to share work out among themselves.
    /// </summary>
    ValueTask<IReadOnlyList<Lease>> ListLeasesAsync(string prefix, CancellationToken ct = default);

    /// <summary>
    /// Deletes the leases whose names start with <paramref name="prefix"/> and that expired at least
    /// <paramref name="expiredFor"/> ago; returns how many. Only for names no one takes again (an instance's own
    /// leases, named after it): a deleted lease's next holder starts its fencing tokens afresh.
    /// </summary>
    ValueTask<int> ForgetLeasesAsync(string prefix, TimeSpan expiredFor, CancellationToken ct = default);
}

/// <summary>A lease held now: its name, its holder and the holder's fencing token.</summary>
public readonly record struct Lease(string Name, string Owner, long Token);
