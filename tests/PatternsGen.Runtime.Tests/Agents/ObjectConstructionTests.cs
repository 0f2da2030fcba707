using System.Text.Json;
using Microsoft.Extensions.AI;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

/// <summary>An object argument whose constructor and setter count their calls (only <see cref="ObjectConstructionTests"/> uses it).</summary>
public sealed class Parcel
{
    public Parcel(string label)
    {
        Label = label;
        Interlocked.Increment(ref ObjectConstructionTests.Constructed);
    }

    public string Label { get; }

    public int Weight
    {
        get;
        set
        {
            field = value;
            Interlocked.Increment(ref ObjectConstructionTests.Set);
        }
    }
}

public partial class ParcelTools
{
    /// <summary>Weighs a parcel.</summary>
    [AgentTool] public int Weigh(Parcel parcel) => parcel.Weight;

    /// <summary>Says whether a parcel is heavy.</summary>
    [AgentTool] public bool IsHeavy(int weight) => weight > 20;
}

public sealed class ObjectConstructionTests
{
    internal static int Constructed;
    internal static int Set;

    public ObjectConstructionTests() // xUnit runs one class's tests one at a time, each on a new instance
    {
        Constructed = 0;
        Set = 0;
    }

    private static AIFunction Tool(string name) => new ParcelTools().GetAgentTools().Single(t => t.Name == name);

    private static AIFunctionArguments Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new AIFunctionArguments(document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone()));
    }

    [Theory]
    [InlineData("""{"parcel":{"label":"a","weight":2,"colour":"red"}}""", "parcel.colour", "a property it does not have")]
    [InlineData("""{"parcel":{"label":"a","weight":2,"weight":3}}""", "parcel.weight", "it twice")]
    [InlineData("""{"parcel":{"label":"a","label":"b"}}""", "parcel.label", "it twice")]
    [InlineData("""{"parcel":{"lable":"a"}}""", "parcel.lable", "a property it does not have")] // misspelt: named rather than "label missing"
    [InlineData("""{"parcel":{"label":"a","weight":"2"}}""", "parcel.weight", "the string \"2\"")]
    public async Task A_refused_object_is_never_constructed_nor_its_properties_set(string json, string path, string actual)
    {
        var error = await Assert.ThrowsAsync<AgentToolArgumentException>(async () => await Tool("weigh").InvokeAsync(Json(json)));

        Assert.Equal((path, actual), (error.ParamName, error.Actual));
        Assert.Equal((0, 0), (Constructed, Set));
    }

    [Fact]
    public async Task Property_names_written_with_escapes_are_found_and_counted_like_plain_ones()
    {
        Assert.Equal(4, await Tool("weigh").InvokeAsync(Json("""{"parcel":{"l\u0061bel":"a","weight":4}}""")));

        var error = await Assert.ThrowsAsync<AgentToolArgumentException>(async () => await Tool("weigh").InvokeAsync(Json("""{"parcel":{"l\u0061bel":"a","label":"b"}}""")));
        Assert.Equal(("parcel.label", "it twice"), (error.ParamName, error.Actual));
    }

    [Fact]
    public async Task A_dictionary_with_a_name_the_object_lacks_is_refused_before_construction_too()
    {
        var parcel = new Dictionary<string, object?> { ["label"] = "a", ["colour"] = "red" };

        var error = await Assert.ThrowsAsync<AgentToolArgumentException>(async () => await Tool("weigh").InvokeAsync(new AIFunctionArguments { ["parcel"] = parcel }));

        Assert.Equal("parcel.colour", error.ParamName);
        Assert.Equal((0, 0), (Constructed, Set));
    }

    [Fact]
    public async Task Results_that_are_booleans_or_small_integers_come_back_in_the_same_box_each_time()
    {
        var weigh = Tool("weigh");
        var isHeavy = Tool("is_heavy");
        var first = await weigh.InvokeAsync(Json("""{"parcel":{"label":"a","weight":7}}"""));
        var second = await weigh.InvokeAsync(Json("""{"parcel":{"label":"b","weight":7}}"""));
        var large = await weigh.InvokeAsync(Json("""{"parcel":{"label":"c","weight":70000}}"""));
        var heavy = await isHeavy.InvokeAsync(Json("""{"weight":21}"""));
        var light = await isHeavy.InvokeAsync(Json("""{"weight":2}"""));

        Assert.Equal((7, 7, 70000, true, false), ((int)first!, (int)second!, (int)large!, (bool)heavy!, (bool)light!));
        Assert.Same(first, second);
        Assert.Same(heavy, await isHeavy.InvokeAsync(Json("""{"weight":22}""")));
        Assert.Same(light, await isHeavy.InvokeAsync(Json("""{"weight":3}""")));
        Assert.Equal((3, 3), (Constructed, Set)); // and what was valid was built once each
    }
}
