using Npgsql;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>Each test in its own database schema, dropped afterwards.</summary>
public sealed class PostgresMessageStoreContractTests : MessageStoreContractTests, IAsyncLifetime
{
    private readonly string _schema = "messages_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgresEventStore> _stores = [];

    protected override Task<IMessageStore> CreateAsync() => Task.FromResult<IMessageStore>(Open());

    protected override Task<IMessageStore?> ReopenAsync() => Task.FromResult<IMessageStore?>(Open());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stores.Count == 0)
        {
            return;
        }

        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }

    private MessageStore Open()
    {
        var store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        _stores.Add(store);
        return MessageStore.Over(store);
    }
}

/// <summary>Leases in a database schema of their own, each instance as another process of the service would open it.</summary>
public sealed class PostgresLeaseStoreContractTests : LeaseStoreContractTests, IAsyncLifetime
{
    private readonly string _schema = "leases_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgresEventStore> _stores = [];

    protected override Task<PatternsGen.Coordination.ILeaseStore> CreateAsync() => Task.FromResult<PatternsGen.Coordination.ILeaseStore>(Open());

    protected override Task<PatternsGen.Coordination.ILeaseStore> OtherInstanceAsync() => CreateAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_stores.Count > 0)
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    private PostgresEventStore Open()
    {
        var store = new PostgresEventStore(PostgresServer.ConnectionString(), null, _schema);
        _stores.Add(store);
        return store;
    }
}
