using System.Text.Json;
using Microsoft.Extensions.AI;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

public sealed class AgentToolBindingTests
{
    private readonly TestTools _tools = new();

    private AIFunction Tool(string name) => _tools.GetAgentTools().Single(t => t.Name == name);

    private static AIFunctionArguments Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AIFunctionArguments(document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone()));
    }

    [Fact]
    public void Names_descriptions_and_schemas_come_from_the_attribute_and_the_documentation()
    {
        Assert.Equal(["scalars", "optionals", "collections", "objects", "search_orders"], _tools.GetAgentTools().Select(static t => t.Name));
        var search = Tool("search_orders");
        Assert.Equal("Search the orders of a customer.", search.Description);
        Assert.Equal("Takes one of each scalar type.", Tool("scalars").Description);
        Assert.Equal(
            """{"type":"object","properties":{"customer":{"description":"Customer e-mail.","type":"string"},"limit":{"type":"integer","default":2}},"required":["customer"],"additionalProperties":false}""",
            search.JsonSchema.GetRawText());
        Assert.Equal(
            """{"type":"object","properties":{"customer":{"description":"Customer e-mail.","type":"string"},"limit":{"type":["integer","null"]}},"required":["customer","limit"],"additionalProperties":false}""",
            ((AgentToolFunction)search).StrictJsonSchema.GetRawText());
    }

    [Fact]
    public async Task Every_scalar_type_binds_from_the_json_a_model_sends()
    {
        var result = await Tool("scalars").InvokeAsync(Json("""
            {"text":"hi","flag":true,"small":-7,"big":9007199254740993,"real":2.5,"single":1.25,"money":19.99,
             "id":"0f8fad5b-d9cb-469f-a165-70867728950e","when":"2026-11-24T09:30:00Z","at":"2026-11-24T09:30:00+02:00",
             "link":"https://example.com/x","priority":"High"}
            """));

        Assert.Equal("ok", result);
        Assert.Equal(
            ["hi", true, -7, 9007199254740993L, 2.5, 1.25f, 19.99m, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
             new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(2)),
             new Uri("https://example.com/x"), Priority.High],
            Assert.Single(_tools.Calls).Values);
    }

    [Fact]
    public async Task CLR_values_from_code_bind_too()
    {
        await Tool("optionals").InvokeAsync(new AIFunctionArguments { ["maybe"] = 4, ["note"] = null, ["count"] = 9L, ["priority"] = Priority.High });

        Assert.Equal([4, null, 9, Priority.High, "none", null], Assert.Single(_tools.Calls).Values);
    }

    [Fact]
    public async Task Absent_optionals_take_their_defaults_and_nulls_stay_null_where_allowed()
    {
        var count = await Tool("optionals").InvokeAsync(Json("""{"maybe":null,"note":null,"level":null}"""));

        Assert.Equal(3, count); // integers come back as they are
        Assert.Equal([null, null, 3, Priority.Normal, "none", null], Assert.Single(_tools.Calls).Values);
    }

    [Fact]
    public async Task Strict_mode_nulls_for_optional_parameters_mean_not_given()
    {
        await Tool("optionals").InvokeAsync(Json("""{"maybe":1,"note":"n","count":null,"priority":null,"label":null,"level":"Low"}"""));

        Assert.Equal([1, "n", 3, Priority.Normal, "none", Priority.Low], Assert.Single(_tools.Calls).Values);
    }

    [Theory]
    [InlineData("""{"maybe":1,"note":"n","priority":"High"}""", Priority.High)]
    [InlineData("""{"maybe":1,"note":"n","priority":"\u0048igh"}""", Priority.High)] // escaped: unescaped before it is compared
    [InlineData("""{"maybe":1,"note":"n","priority":"Lo\u0077"}""", Priority.Low)]
    public async Task Enum_names_match_as_json_strings_escaped_or_not(string json, Priority expected)
    {
        await Tool("optionals").InvokeAsync(Json(json));

        Assert.Equal(expected, Assert.Single(_tools.Calls).Values[3]);
    }

    [Theory]
    [InlineData("\"Hig\"")]
    [InlineData("\"Highs\"")]
    [InlineData("\"\\u0048ig\"")]
    [InlineData("\"High\\n\"")]
    public async Task Enum_names_that_differ_by_one_character_are_refused(string priority)
    {
        var error = await Assert.ThrowsAsync<AgentToolArgumentException>(async () =>
            await Tool("optionals").InvokeAsync(Json($$"""{"maybe":1,"note":"n","priority":{{priority}}}""")));

        Assert.Equal("priority", error.ParamName);
        Assert.Empty(_tools.Calls);
    }

    [Fact]
    public void An_enum_name_with_a_backslash_matches_only_text_that_unescapes_to_it()
    {
        var read = AgentArgumentReaders.Enum([@"a\u0042", "b"], [Priority.High, Priority.Low]);
        var at = new ArgumentPosition("tool", "priority", AgentToolLimits.Default);
        using var name = JsonDocument.Parse("\"a\\\\u0042\""); // the name itself, its backslash escaped
        using var other = JsonDocument.Parse("\"a\\u0042\""); // "aB": its raw text is the name's, but it means something else

        Assert.Equal(Priority.High, read.ReadJson(name.RootElement, JsonValueKind.String, at));
        Assert.Throws<AgentToolArgumentException>(() => read.ReadJson(other.RootElement, JsonValueKind.String, at));
    }

    [Fact]
    public async Task Values_beyond_a_limit_are_refused_in_words_that_name_the_limit()
    {
        var tools = _tools.GetAgentTools(new AgentToolOptions { Limits = new AgentToolLimits { MaxStringLength = 3, MaxArrayLength = 2 } });

        var text = await Assert.ThrowsAsync<AgentToolArgumentException>(async () =>
            await tools.Single(t => t.Name == "search_orders").InvokeAsync(Json("""{"customer":"abcd"}""")));
        var array = await Assert.ThrowsAsync<AgentToolArgumentException>(async () =>
            await tools.Single(t => t.Name == "collections").InvokeAsync(Json("""{"numbers":[1,2,3],"names":[],"levels":[]}""")));

        Assert.Equal(("a string of at most 3 characters", "a string of 4 characters"), (text.Expected, text.Actual));
        Assert.Equal(("an array of at most 2 items", "an array of 3 items"), (array.Expected, array.Actual));
        Assert.Empty(_tools.Calls);
    }

    [Fact]
    public async Task Arrays_and_lists_bind_item_by_item_and_results_come_back_as_json()
    {
        var result = await Tool("collections").InvokeAsync(Json("""{"numbers":[1,2,3],"names":["a","b"],"levels":["Low","High"],"holes":[1,null,3]}"""));

        Assert.Equal(3, result);
        var values = Assert.Single(_tools.Calls).Values;
        Assert.Equal([1, 2, 3], (int[])values[0]!);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(values[1]));
        Assert.Equal([Priority.Low, Priority.High], (IReadOnlyList<Priority>)values[2]!);
        Assert.Equal([1, null, 3], (int?[])values[3]!);

        var search = await Tool("search_orders").InvokeAsync(Json("""{"customer":"ann"}"""));
        Assert.Equal("""["ann-1","ann-2"]""", ((JsonElement)search!).GetRawText());
    }

    [Fact]
    public async Task Objects_bind_through_constructors_required_and_settable_properties_and_with()
    {
        var city = await Tool("objects").InvokeAsync(Json("""
            {"shipment":{"to":{"street":"1 Main St","city":"Oslo"},
                         "items":[{"productId":"kb","quantity":2,"notes":["gift"]},{"productId":"mouse"}]},
             "window":{"from":"2026-12-01T00:00:00Z","to":"2026-12-02T00:00:00Z","inclusive":true}}
            """));

        Assert.Equal("Oslo", city);
        var values = Assert.Single(_tools.Calls).Values;
        var shipment = Assert.IsType<Shipment>(values[0]);
        Assert.Equal(new Address("1 Main St", "Oslo"), shipment.To);
        Assert.Equal(("kb", 2), (shipment.Items[0].ProductId, shipment.Items[0].Quantity));
        Assert.Equal(["gift"], shipment.Items[0].Notes!);
        Assert.Equal(("mouse", 1), (shipment.Items[1].ProductId, shipment.Items[1].Quantity)); // the initializer's default stays
        Assert.Null(shipment.Items[1].Notes);
        Assert.Equal(new Window(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc)) { Inclusive = true }, values[1]);
        Assert.Null(values[2]);
    }

    [Fact]
    public async Task Objects_from_code_bind_as_instances_or_dictionaries()
    {
        var to = new Address("2 High St", "Bergen", "5003");
        await Tool("objects").InvokeAsync(new AIFunctionArguments
        {
            ["shipment"] = new Dictionary<string, object?> { ["to"] = to, ["items"] = new[] { new LineItem { ProductId = "pen" } } },
            ["billTo"] = to,
        });

        var values = Assert.Single(_tools.Calls).Values;
        Assert.Same(to, ((Shipment)values[0]!).To);
        Assert.Same(to, values[2]);
    }

    [Theory]
    [InlineData("""{"shipment":{"to":{"street":"s","city":"c","country":"NO"},"items":[]}}""", "shipment.to.country", "a property it does not have")]
    [InlineData("""{"shipment":{"to":{"street":"s"},"items":[]}}""", "shipment.to.city", "nothing")]
    [InlineData("""{"shipment":{"to":{"street":"s","city":"c"},"items":[{"quantity":1}]}}""", "shipment.items[0].productId", "nothing")]
    [InlineData("""{"shipment":{"to":{"street":"s","city":"c"},"items":[{"productId":"p","quantity":"2"}]}}""", "shipment.items[0].quantity", "the string \"2\"")]
    [InlineData("""{"shipment":{"to":"Oslo","items":[]}}""", "shipment.to", "the string \"Oslo\"")]
    [InlineData("""{"shipment":{"to":{"street":"s","city":"c","city":"d"},"items":[]}}""", "shipment.to.city", "it twice")]
    [InlineData("""{"shipment":{"to":{"street":"s","city":"c"},"items":[null]}}""", "shipment.items[0]", "null")]
    public async Task An_object_that_does_not_match_is_refused_naming_the_path(string json, string path, string actual)
    {
        var error = await Assert.ThrowsAsync<AgentToolArgumentException>(async () => await Tool("objects").InvokeAsync(Json(json)));

        Assert.Equal(path, error.ParamName);
        Assert.Equal(actual, error.Actual);
        Assert.Empty(_tools.Calls);
    }

    [Fact]
    public void Object_schemas_nest_with_their_own_required_lists_and_the_strict_variant_requires_everything()
    {
        var objects = (AgentToolFunction)Tool("objects");
        var window = objects.JsonSchema.GetProperty("properties").GetProperty("window");
        Assert.Equal("""["object","null"]""", window.GetProperty("type").GetRawText());
        Assert.Equal("""["from","to"]""", window.GetProperty("required").GetRawText());
        var item = objects.JsonSchema.GetProperty("properties").GetProperty("shipment").GetProperty("properties").GetProperty("items").GetProperty("items");
        Assert.Equal("The product's SKU.", item.GetProperty("properties").GetProperty("productId").GetProperty("description").GetString());
        Assert.Equal("""["productId"]""", item.GetProperty("required").GetRawText());

        var strictItem = objects.StrictJsonSchema.GetProperty("properties").GetProperty("shipment").GetProperty("properties").GetProperty("items").GetProperty("items");
        Assert.Equal("""["productId","quantity","notes"]""", strictItem.GetProperty("required").GetRawText());
        Assert.Equal("""["integer","null"]""", strictItem.GetProperty("properties").GetProperty("quantity").GetProperty("type").GetRawText());
    }

    [Fact]
    public async Task A_result_its_json_options_cannot_describe_fails_saying_how_to_give_the_metadata()
    {
        var withoutMetadata = new AgentToolOptions { JsonOptions = new JsonSerializerOptions { TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine() } };
        var search = _tools.GetAgentTools(withoutMetadata).Single(t => t.Name == "search_orders");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await search.InvokeAsync(Json("""{"customer":"ann"}""")));

        Assert.Contains("Tool 'search_orders' returned a 'System.Collections.Generic.IReadOnlyList`1[System.String]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AgentToolOptions.JsonOptions", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await _tools.GetAgentTools(withoutMetadata).Single(t => t.Name == "optionals").InvokeAsync(Json("""{"maybe":null,"note":null,"count":2}"""))); // integers need none
    }
}
