using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.Runtime.Tests.EventSourcing;

public sealed class InMemoryEventStoreContractTests : EventStoreContractTests
{
    protected override Task<IEventStore> CreateStoreAsync(EventStoreOptions options) =>
        Task.FromResult<IEventStore>(new InMemoryEventStore(options));
}
