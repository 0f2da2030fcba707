using PatternsGen;

namespace PatternsGen.Transport.RabbitMQ.Tests;

[Event("transport-tests.order-placed")]
public sealed record OrderPlaced(string OrderId, int Amount);

[Event("transport-tests.order-shipped")]
public sealed record OrderShipped(string OrderId);

[Event("transport-tests.nobody-listens")]
public sealed record NobodyListens(int Value);
