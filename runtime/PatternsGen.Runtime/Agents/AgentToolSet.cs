using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace PatternsGen.Agents;

/// <summary>
/// The tools of one <c>[AgentTool]</c> class, as the generated <c>AddPatternsGenAgentTools()</c> registers them:
/// one service per class, so several assemblies can each add theirs.
/// </summary>
public sealed class AgentToolSet(IReadOnlyList<AIFunction> tools)
{
    /// <summary>The tools.</summary>
    public IReadOnlyList<AIFunction> Tools { get; } = tools ?? throw new ArgumentNullException(nameof(tools));

    /// <summary>Every tool registered in <paramref name="services"/>, for an <see cref="AgentService"/>.</summary>
    public static IReadOnlyList<AIFunction> All(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. services.GetServices<AgentToolSet>().SelectMany(static set => set.Tools)];
    }
}
