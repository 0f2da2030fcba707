using PatternsGen;

namespace PatternsGen.Transport.RabbitMQ.Worker;

/// <summary>A message of the fault tests: it fails its first <see cref="FailTimes"/> attempts, or every one when <see cref="Poison"/>.</summary>
[Event("transport-tests.fault-probe")]
public sealed record FaultProbe(int Id, int FailTimes, bool Poison);
