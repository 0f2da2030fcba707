namespace PatternsGen.Agents;

/// <summary>
/// An agent tool was called with arguments that do not match its schema: missing, of the wrong type, out of
/// range, an unknown enum value, malformed, too large, or not a parameter at all. The tool's method was not called.
/// </summary>
public sealed class AgentToolArgumentException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="parameter">The parameter (a path such as <c>ids[3]</c> inside an array).</param>
    /// <param name="expected">What the schema asks for.</param>
    /// <param name="actual">What came, briefly.</param>
    public AgentToolArgumentException(string tool, string parameter, string expected, string actual)
        : base($"Tool '{tool}', argument '{parameter}': expected {expected}, got {actual}.", parameter)
    {
        Tool = tool;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The tool's name.</summary>
    public string Tool { get; }

    /// <summary>What the schema asks for.</summary>
    public string Expected { get; }

    /// <summary>What came.</summary>
    public string Actual { get; }
}
