using System.Text.Json;
using System.Text.Json.Nodes;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

/// <summary>
/// Arguments a confused or hostile model might send. Each either binds to values the schema allows (and the
/// tool runs with them) or is refused with AgentToolArgumentException naming the argument; nothing else
/// escapes, and the tool's method is never called with what the schema forbids.
/// </summary>
public sealed class HostileArgumentsTests
{
    private const string ValidScalars = """
        {"text":"hi","flag":true,"small":1,"big":2,"real":2.5,"single":1.5,"money":1.25,"id":"0f8fad5b-d9cb-469f-a165-70867728950e",
         "when":"2026-11-24T09:30:00Z","at":"2026-11-24T09:30:00+02:00","link":"https://example.com","priority":"Low"}
        """;

    private const string ValidCollections = """{"numbers":[1,2],"names":["a"],"levels":["High"]}""";

    public static TheoryData<string, string, string?> Corpus()
    {
        var data = new TheoryData<string, string, string?>();
        void Scalar(string property, string json, string? refusedAt) => data.Add("scalars", With(ValidScalars, property, json), refusedAt);
        void Collection(string property, string json, string? refusedAt) => data.Add("collections", With(ValidCollections, property, json), refusedAt);

        // Wrong types.
        Scalar("text", "5", "text");
        Scalar("text", "{\"a\":1}", "text");
        Scalar("text", "[\"hi\"]", "text");
        Scalar("flag", "\"true\"", "flag");
        Scalar("flag", "1", "flag");
        Scalar("flag", "[true]", "flag");
        Scalar("small", "\"7\"", "small");
        Scalar("real", "\"NaN\"", "real");
        Scalar("money", "\"19.99\"", "money");
        Scalar("id", "42", "id");
        Scalar("at", "123", "at");
        Scalar("priority", "2", "priority");
        // Out of range or not what the format says.
        Scalar("small", "2147483648", "small");
        Scalar("small", "-2147483649", "small");
        Scalar("small", "1.5", "small");
        Scalar("small", "1e400", "small");
        Scalar("big", "9223372036854775808", "big");
        Scalar("real", "1e400", "real");
        Scalar("single", "1e39", "single");
        Scalar("money", "1e30", "money");
        Scalar("id", "\"not-a-guid\"", "id");
        Scalar("when", "\"yesterday\"", "when");
        Scalar("when", "\"2026-13-45T00:00:00Z\"", "when");
        Scalar("link", "\"relative/path\"", "link");
        Scalar("link", "\"   \"", "link");
        Scalar("priority", "\"low\"", "priority");
        Scalar("priority", "\"Urgent\"", "priority");
        Scalar("priority", "\"\"", "priority");
        // Missing, null where not allowed, unknown, huge.
        Scalar("text", "null", "text");
        Scalar("priority", "null", "priority");
        data.Add("scalars", Without(ValidScalars, "text"), "text");
        data.Add("scalars", With(ValidScalars, "extra", "1"), "extra");
        data.Add("scalars", With(ValidScalars, "__proto__", "{}"), "__proto__");
        Scalar("text", JsonSerializer.Serialize(new string('x', 70_000)), "text");
        // Arrays.
        Collection("numbers", "\"1,2,3\"", "numbers");
        Collection("numbers", "[1,\"2\",3]", "numbers[1]");
        Collection("numbers", "[[1]]", "numbers[0]");
        Collection("numbers", "[1,null]", "numbers[1]");
        Collection("numbers", "{\"0\":1}", "numbers");
        Collection("numbers", "[" + string.Join(",", Enumerable.Repeat("1", 20_000)) + "]", "numbers");
        Collection("names", "[null]", "names[0]");
        Collection("names", "[1]", "names[0]");
        Collection("levels", "[\"Low\",\"Nope\"]", "levels[1]");
        Collection("holes", "[1.5]", "holes[0]");
        Collection("holes", "[1,null,3]", null); // nulls are allowed in int?[]
        // Optionals and nullables.
        data.Add("optionals", """{"maybe":"x","note":null}""", "maybe");
        data.Add("optionals", """{"maybe":null,"note":null,"level":"Medium"}""", "level");
        data.Add("optionals", """{"maybe":null,"note":null,"label":12}""", "label");
        data.Add("optionals", """{"maybe":null,"note":null,"count":2.0}""", "count");
        data.Add("optionals", """{"maybe":null}""", "note");
        data.Add("optionals", """{"maybe":-1,"note":"","count":-5}""", null); // in range: allowed
        data.Add("search_orders", """{"customer":""}""", null);
        // Objects.
        const string Shipment = """{"to":{"street":"s","city":"c"},"items":[{"productId":"p"}]}""";
        void Objects(string json, string? refusedAt) => data.Add("objects", "{\"shipment\":" + json + "}", refusedAt);
        Objects(Shipment, null);
        Objects("[]", "shipment");
        Objects("\"{}\"", "shipment");
        Objects("{}", "shipment.to");
        Objects("""{"to":{"street":"s","city":"c","__proto__":{}},"items":[]}""", "shipment.to.__proto__");
        Objects("""{"to":{"street":"s","city":"c"},"items":[{"productId":"p","notes":[1]}]}""", "shipment.items[0].notes[0]");
        Objects("""{"to":{"street":"s","city":"c"},"items":[{"productId":"p","quantity":1e10}]}""", "shipment.items[0].quantity");
        Objects("""{"to":{"street":"s","city":"c"},"items":{"productId":"p"}}""", "shipment.items");
        Objects("""{"to":{"street":null,"city":"c"},"items":[]}""", "shipment.to.street");
        Objects("""{"to":{"street":"s","city":"c","zip":null},"items":[{"productId":"p","notes":null}]}""", null); // nullable properties
        data.Add("objects", "{\"shipment\":" + Shipment + ",\"window\":{\"from\":\"2026-01-01T00:00:00Z\"}}", "window.to");
        data.Add("objects", "{\"shipment\":" + Shipment + ",\"window\":{\"from\":\"x\",\"to\":\"y\"}}", "window.from");
        // Not JSON, not an object, repeated properties, too deep, too long.
        data.Add("search_orders", "{", "(arguments)");
        data.Add("search_orders", "{\"customer\": \"unterminated}", "(arguments)");
        data.Add("search_orders", "[]", "(arguments)");
        data.Add("search_orders", "null", "(arguments)");
        data.Add("search_orders", "\"just a string\"", "(arguments)");
        data.Add("search_orders", """{"customer":"a","customer":"b"}""", "customer");
        data.Add("collections", """{"numbers":""" + new string('[', 100) + new string(']', 100) + ""","names":[],"levels":[]}""", "(arguments)");
        data.Add("search_orders", """{"customer":""" + JsonSerializer.Serialize(new string('y', 1_100_000)) + "}", "(arguments)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Is_bound_to_allowed_values_or_refused_naming_the_argument(string tool, string json, string? refusedAt)
    {
        var tools = new TestTools();
        var function = tools.GetAgentTools().Single(t => t.Name == tool);

        Exception? error = null;
        try
        {
            await function.InvokeAsync(AgentToolJson.ParseArguments(tool, json));
        }
        catch (Exception caught)
        {
            error = caught;
        }

        if (refusedAt is null)
        {
            Assert.Null(error);
            Assert.True(tools.Calls.Count == 1 || tool == "search_orders");
            return;
        }

        var refused = Assert.IsType<AgentToolArgumentException>(error);
        Assert.Equal(refusedAt, refused.ParamName);
        Assert.Equal(tool, refused.Tool);
        Assert.True(refused.Message.Length < 400, "the message quotes what came, clipped");
        Assert.Empty(tools.Calls);
    }

    [Fact]
    public void The_corpus_has_at_least_fifty_argument_sets() => Assert.True(Corpus().Count >= 50, $"{Corpus().Count}");

    private static string With(string json, string property, string value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[property] = JsonNode.Parse(value);
        return node.ToJsonString();
    }

    private static string Without(string json, string property)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }
}
