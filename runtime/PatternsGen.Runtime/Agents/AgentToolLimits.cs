namespace PatternsGen.Agents;

/// <summary>Bounds on what a model may pass to a tool; beyond them the call is refused before the tool runs.</summary>
public sealed class AgentToolLimits
{
    /// <summary>The defaults: strings up to 65,536 characters, arrays up to 10,000 items, nesting up to 16 levels, a call's arguments up to 1,000,000 characters.</summary>
    public static AgentToolLimits Default { get; } = new();

    /// <summary>The longest string argument (or array item), in characters.</summary>
    public int MaxStringLength { get; init; } = 65_536;

    /// <summary>The most items in one array argument.</summary>
    public int MaxArrayLength { get; init; } = 10_000;

    /// <summary>The deepest nesting of arrays and objects within an argument.</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>The longest arguments text a model may send for one call, in characters (see <see cref="AgentToolJson.ParseArguments"/>).</summary>
    public int MaxArgumentsLength { get; init; } = 1_000_000;
}
