using PatternsGen.Coordination;
using PatternsGen.EventStore.Testing;

namespace PatternsGen.Runtime.Tests.Coordination;

public sealed class InMemoryLeaseStoreContractTests : LeaseStoreContractTests
{
    private readonly InMemoryLeaseStore _store = new();

    protected override Task<ILeaseStore> CreateAsync() => Task.FromResult<ILeaseStore>(_store);

    protected override Task<ILeaseStore> OtherInstanceAsync() => Task.FromResult<ILeaseStore>(_store);
}
