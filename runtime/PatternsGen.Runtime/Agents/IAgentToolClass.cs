using Microsoft.Extensions.AI;

namespace PatternsGen.Agents;

/// <summary>A class with <c>[AgentTool]</c> methods. PatternsGen implements it with the generated <c>GetAgentTools</c>.</summary>
public interface IAgentToolClass
{
    /// <summary>The class's tools, served by this instance.</summary>
    /// <param name="options">How results and arguments become JSON; the defaults when null.</param>
    IReadOnlyList<AIFunction> GetAgentTools(AgentToolOptions? options = null);
}
