using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

public sealed class SqliteEventStoreContractTests : EventStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IEventStore> CreateStoreAsync(EventStoreOptions options) =>
        Task.FromResult<IEventStore>(new SqliteEventStore(_database.ConnectionString, options));

    public void Dispose() => _database.Dispose();
}
