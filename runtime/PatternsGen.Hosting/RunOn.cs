namespace PatternsGen.Hosting;

/// <summary>Where a piece of background work runs when a service has several instances.</summary>
public enum RunOn
{
    /// <summary>On every instance: a projection whose view lives in the instance's memory, work about the instance itself.</summary>
    EachInstance,

    /// <summary>
    /// On one instance at a time, elected by a lease in the event store's database (SQLite, PostgreSQL): a projection whose
    /// view lives in a shared database, the store publisher. With a store that keeps no leases, as <see cref="EachInstance"/>.
    /// </summary>
    OneInstance,
}
