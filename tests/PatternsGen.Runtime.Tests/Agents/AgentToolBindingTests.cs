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
        Assert.Equal(["scalars", "optionals", "collections", "search_orders"], _tools.GetAgentTools().Select(static t => t.Name));
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

        Assert.Equal(3, ((JsonElement)count!).GetInt32());
        Assert.Equal([null, null, 3, Priority.Normal, "none", null], Assert.Single(_tools.Calls).Values);
    }

    [Fact]
    public async Task Strict_mode_nulls_for_optional_parameters_mean_not_given()
    {
        await Tool("optionals").InvokeAsync(Json("""{"maybe":1,"note":"n","count":null,"priority":null,"label":null,"level":"Low"}"""));

        Assert.Equal([1, "n", 3, Priority.Normal, "none", Priority.Low], Assert.Single(_tools.Calls).Values);
    }

    [Fact]
    public async Task Arrays_and_lists_bind_item_by_item_and_results_come_back_as_json()
    {
        var result = await Tool("collections").InvokeAsync(Json("""{"numbers":[1,2,3],"names":["a","b"],"levels":["Low","High"],"holes":[1,null,3]}"""));

        Assert.Equal(3, ((JsonElement)result!).GetInt32());
        var values = Assert.Single(_tools.Calls).Values;
        Assert.Equal([1, 2, 3], (int[])values[0]!);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(values[1]));
        Assert.Equal([Priority.Low, Priority.High], (IReadOnlyList<Priority>)values[2]!);
        Assert.Equal([1, null, 3], (int?[])values[3]!);

        var search = await Tool("search_orders").InvokeAsync(Json("""{"customer":"ann"}"""));
        Assert.Equal("""["ann-1","ann-2"]""", ((JsonElement)search!).GetRawText());
    }
}
