using System.Text.Json.Serialization;
using PatternsGen;

namespace PatternsGen.Benchmarks.Transports;

/// <summary>The message every contender carries: when it was sent (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and a small payload.</summary>
[Event("bench.order-placed")]
public sealed record BenchEvent(long Sent, int Id, string OrderId, decimal Total);

[JsonSerializable(typeof(BenchEvent))]
internal sealed partial class BenchJson : JsonSerializerContext;
