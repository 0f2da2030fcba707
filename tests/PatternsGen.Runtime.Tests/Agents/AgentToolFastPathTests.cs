using System.Text.Json;
using Microsoft.Extensions.AI;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

/// <summary>
/// The same parameters twice: <c>Fast</c> has only plain scalars, so its generated binding reads JSON arguments in
/// place first (AgentToolFastPath); <c>General</c> also takes the services, which keeps it on the general binding.
/// </summary>
public partial class FastPathTools
{
    public List<object?[]> Calls { get; } = [];

    /// <summary>Plain scalars, required, optional, and optional and nullable.</summary>
    [AgentTool]
    public int Fast(string text, bool flag, int small, long big, double real, Priority priority,
        string label = "none", bool loud = false, int count = 3, long offset = -1, double scale = 1.5, Priority level = Priority.Normal,
        string? note = null, bool? on = null, int? maybe = 4, long? id = null, double? ratio = null, Priority? tier = null)
    {
        Calls.Add([text, flag, small, big, real, priority, label, loud, count, offset, scale, level, note, on, maybe, id, ratio, tier]);
        return count;
    }

    /// <summary>The same, bound the general way.</summary>
    [AgentTool]
    public int General(string text, bool flag, int small, long big, double real, Priority priority, IServiceProvider services,
        string label = "none", bool loud = false, int count = 3, long offset = -1, double scale = 1.5, Priority level = Priority.Normal,
        string? note = null, bool? on = null, int? maybe = 4, long? id = null, double? ratio = null, Priority? tier = null)
    {
        Calls.Add([text, flag, small, big, real, priority, label, loud, count, offset, scale, level, note, on, maybe, id, ratio, tier]);
        return count;
    }
}

/// <summary>
/// The fast path may only be faster: for every argument set, valid or not, a tool with it binds the same values or
/// refuses with the same words as the general binding of the same parameters.
/// </summary>
public sealed class AgentToolFastPathTests
{
    private const string Valid = """{"text":"hi","flag":true,"small":1,"big":2,"real":2.5,"priority":"Low"}""";

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string> { Valid };
        void With(string property, string json) => data.Add(Valid[..^1] + ",\"" + property + "\":" + json + "}");
        void Replace(string property, string json) => data.Add(Set(Valid, property, json));

        // Every optional given; given as null (its default); each kind wrong, out of range or null where not allowed.
        data.Add(Valid[..^1] + ""","label":"x","loud":true,"count":7,"offset":9000000000,"scale":-0.25,"level":"High"}""");
        foreach (var optional in new[] { "label", "loud", "count", "offset", "scale", "level" })
        {
            With(optional, "null");
            With(optional, "[1]");
        }

        foreach (var nullable in new[] { "note", "on", "maybe", "id", "ratio", "tier" })
        {
            With(nullable, "null");
            With(nullable, "{}");
        }

        data.Add(Valid[..^1] + ""","note":"n","on":false,"maybe":-3,"id":12,"ratio":0.5,"tier":"Normal"}""");
        With("note", "7");
        With("on", "0");
        With("maybe", "4.5");
        With("id", "\"12\"");
        With("ratio", "-1e400");
        With("tier", "\"normal\"");
        With("label", "5");
        With("loud", "\"true\"");
        With("count", "2147483648");
        With("count", "1.5");
        With("offset", "9223372036854775808");
        With("scale", "1e400");
        With("scale", "\"1\"");
        With("level", "\"high\"");
        With("level", "\"H\\u0069gh\""); // escaped: the same name once unescaped
        With("label", "\"" + new string('x', 70_000) + "\"");
        Replace("text", "null");
        Replace("text", "5");
        Replace("text", "\"caf\\u00e9\"");
        Replace("flag", "1");
        Replace("flag", "null");
        Replace("small", "-2147483649");
        Replace("small", "\"7\"");
        Replace("big", "1e3");
        Replace("real", "true");
        Replace("priority", "\"Urgent\"");
        Replace("priority", "2");
        Replace("priority", "\"Lo\\\\w\"");

        // Missing, unknown and empty.
        data.Add("""{"flag":true,"small":1,"big":2,"real":2.5,"priority":"Low"}""");
        With("extra", "1");
        With("Text", "\"hi\"");
        data.Add("{}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Binds_what_the_general_binding_binds_and_refuses_what_it_refuses(string json)
    {
        var fast = await Outcome("fast", Arguments(json));
        var general = await Outcome("general", Arguments(json));

        Assert.Equal(general, fast);
    }

    [Fact]
    public async Task Values_from_code_and_mixed_calls_are_bound_the_general_way()
    {
        var call = Arguments(Valid);
        call["text"] = "from code";
        call["count"] = 11;
        call["tier"] = Priority.High;
        call["maybe"] = null;

        var fast = await Outcome("fast", call);

        Assert.Equal(await Outcome("general", call), fast);
        Assert.Contains("from code", fast);
    }

    private static AIFunctionArguments Arguments(string json) =>
        AgentToolJson.ParseArguments("fast", json);

    // What a call did, in words that do not name the tool: the values bound, or the refusal.
    private static async Task<string> Outcome(string tool, AIFunctionArguments arguments)
    {
        var tools = new FastPathTools();
        var function = tools.GetAgentTools().Single(t => t.Name == tool);
        var call = new AIFunctionArguments(arguments) { Services = EmptyServices.Instance };
        try
        {
            var result = await function.InvokeAsync(call);
            return $"{result}: " + string.Join(", ", tools.Calls.Single().Select(static v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v?.ToString()));
        }
        catch (AgentToolArgumentException refused)
        {
            Assert.Empty(tools.Calls);
            return $"refused: {refused.ParamName}: expected {refused.Expected}, got {refused.Actual}";
        }
    }

    private static string Set(string json, string property, string value)
    {
        using var document = JsonDocument.Parse(json);
        var parts = document.RootElement.EnumerateObject().Select(p => JsonSerializer.Serialize(p.Name) + ":" + (p.Name == property ? value : p.Value.GetRawText()));
        return "{" + string.Join(",", parts) + "}";
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
