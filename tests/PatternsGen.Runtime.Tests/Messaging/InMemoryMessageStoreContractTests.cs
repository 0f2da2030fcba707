using PatternsGen.EventSourcing;
using PatternsGen.EventStore.Testing;
using PatternsGen.Messaging;

namespace PatternsGen.Runtime.Tests.Messaging;

public sealed class InMemoryMessageStoreContractTests : MessageStoreContractTests
{
    protected override Task<IMessageStore> CreateAsync() =>
        Task.FromResult<IMessageStore>(new MessageStore(new InMemoryCheckpointStore(), new InMemoryInbox(), new InMemoryDeadLetterQueue()));

    protected override Task<IMessageStore?> ReopenAsync() => Task.FromResult<IMessageStore?>(null);
}
