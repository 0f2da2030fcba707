using PatternsGen.Coordination;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

/// <summary>Leases on one SQLite file, each instance as another process of the service would open it.</summary>
public sealed class SqliteLeaseStoreContractTests : LeaseStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<ILeaseStore> CreateAsync() => Task.FromResult<ILeaseStore>(new SqliteEventStore(_database.ConnectionString));

    protected override Task<ILeaseStore> OtherInstanceAsync() => CreateAsync();

    public void Dispose() => _database.Dispose();
}
