using Npgsql;
using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.EventStore.PostgreSql.Tests;

/// <summary>Each test in its own database schema, dropped afterwards.</summary>
public sealed class PostgresEventStoreContractTests : EventStoreContractTests, IAsyncLifetime
{
    private readonly string _schema = "contract_" + Guid.NewGuid().ToString("N");
    private PostgresEventStore? _store;

    protected override Task<IEventStore> CreateStoreAsync(EventStoreOptions options)
    {
        _store = new PostgresEventStore(PostgresServer.ConnectionString(), options, _schema);
        return Task.FromResult<IEventStore>(_store);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is null)
        {
            return;
        }

        await _store.DisposeAsync();
        await PostgresServer.DropSchemaAsync(_schema);
    }
}
