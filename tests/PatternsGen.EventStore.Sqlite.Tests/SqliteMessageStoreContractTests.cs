using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.Sqlite.Tests;

public sealed class SqliteMessageStoreContractTests : MessageStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();

    protected override Task<IMessageStore> CreateAsync() =>
        Task.FromResult<IMessageStore>(MessageStore.Over(new SqliteEventStore(_database.ConnectionString)));

    protected override Task<IMessageStore?> ReopenAsync() =>
        Task.FromResult<IMessageStore?>(MessageStore.Over(new SqliteEventStore(_database.ConnectionString)));

    public void Dispose() => _database.Dispose();
}
