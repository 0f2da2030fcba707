using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatternsGen.Benchmarks.EventStores;

[Event("bench.item_added")]
public sealed record ItemAdded(string ProductId, int Quantity, decimal Price);

/// <summary>Both sides serialize through the same source-generated metadata, so the comparison is the store, not JSON.</summary>
[JsonSerializable(typeof(ItemAdded))]
internal sealed partial class StoreBenchmarkJson : JsonSerializerContext;

internal static class StoreBenchmarkData
{
    public static object[] Batch(int size) =>
        [.. Enumerable.Range(0, size).Select(static i => (object)new ItemAdded($"sku-{i}", i + 1, 9.99m))];

    public static JsonSerializerOptions Json => StoreBenchmarkJson.Default.Options;
}
