using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PatternsGen.Benchmarks.Agents;

/// <summary>
/// The floor for <see cref="AgentToolInvocationBenchmarks"/>: the same two tools bound by hand with the least any
/// binding must do — each value looked up, its JSON kind checked, read, and the count of arguments compared — and
/// nothing else (no limits, no positions for error messages, no null handling). What this costs is System.Text.Json,
/// the arguments dictionary and the allocations the method needs, so no generated binding can be faster than it.
/// </summary>
internal static class HandWrittenTools
{
    private static readonly byte[][] StatusNames = [.. new[] { "Open", "Shipped", "Cancelled" }.Select(System.Text.Encoding.UTF8.GetBytes)];
    private static readonly BenchStatus[] Statuses = [BenchStatus.Open, BenchStatus.Shipped, BenchStatus.Cancelled]; // by name, as the generated reader maps them
    private static readonly byte[][] AddressNames = [.. new[] { "street", "city", "country", "floor" }.Select(System.Text.Encoding.UTF8.GetBytes)];
    private static readonly object[] SmallInts = [.. Enumerable.Range(0, 256).Select(static i => (object)i)];

    public static AIFunction Search(Tools1 owner) => new SearchFunction(owner);

    public static AIFunction Quote(ShippingTools owner) => new QuoteFunction(owner);

    private static JsonElement Json(object? value, string name) => value is JsonElement json ? json : throw new ArgumentException("not JSON", name);

    private static string String(JsonElement json) => json.ValueKind == JsonValueKind.String ? json.GetString()! : throw new ArgumentException("not a string");

    private static int Int32(JsonElement json) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var number) ? number : throw new ArgumentException("not an int");

    private static object Box(int value) => (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value;

    private sealed class SearchFunction(Tools1 owner) : AIFunction
    {
        public override string Name => "search0";

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            var found = 1;
            var customer = arguments.TryGetValue("customer", out var value) ? String(Json(value, "customer")) : throw new ArgumentException("missing", "customer");
            var status = BenchStatus.Open;
            if (arguments.TryGetValue("status", out value))
            {
                found++;
                var json = Json(value, "status");
                var text = json.ValueKind == JsonValueKind.String ? JsonMarshal.GetRawUtf8Value(json)[1..^1] : throw new ArgumentException("not a string", "status");
                var index = 0;
                while (index < StatusNames.Length && !text.SequenceEqual(StatusNames[index]))
                {
                    index++;
                }

                status = index < StatusNames.Length ? Statuses[index] : throw new ArgumentException("not a status", "status");
            }

            var limit = 10;
            if (arguments.TryGetValue("limit", out value))
            {
                found++;
                limit = Int32(Json(value, "limit"));
            }

            return arguments.Count == found
                ? new ValueTask<object?>(Box(owner.Search0(customer, status, limit)))
                : throw new ArgumentException("an unknown argument");
        }
    }

    private sealed class QuoteFunction(ShippingTools owner) : AIFunction
    {
        public override string Name => "quote";

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            var found = 1;
            var to = arguments.TryGetValue("to", out var value) ? Address(Json(value, "to")) : throw new ArgumentException("missing", "to");
            var parcels = 1;
            if (arguments.TryGetValue("parcels", out value))
            {
                found++;
                parcels = Int32(Json(value, "parcels"));
            }

            return arguments.Count == found
                ? new ValueTask<object?>(Box(owner.Quote(to, parcels)))
                : throw new ArgumentException("an unknown argument");
        }

        private static BenchAddress Address(JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("not an object", "to");
            }

            var street = json.TryGetProperty(AddressNames[0], out var property) ? String(property) : throw new ArgumentException("missing", "to.street");
            var city = json.TryGetProperty(AddressNames[1], out property) ? String(property) : throw new ArgumentException("missing", "to.city");
            var country = json.TryGetProperty(AddressNames[2], out property) ? String(property) : throw new ArgumentException("missing", "to.country");
            var found = 3;
            var floor = 0;
            if (json.TryGetProperty(AddressNames[3], out property))
            {
                found++;
                floor = Int32(property);
            }

            return json.GetPropertyCount() == found ? new BenchAddress(street, city, country, floor) : throw new ArgumentException("an unknown property", "to");
        }
    }
}
