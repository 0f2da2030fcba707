using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PatternsGen.Agents;

/// <summary>
/// The tools of one <c>[AgentTool]</c> class, as the generated <c>AddPatternsGenAgentTools()</c> registers them:
/// one service per class, so several assemblies can each add theirs.
/// </summary>
public sealed class AgentToolSet(IReadOnlyList<AIFunction> tools)
{
    /// <summary>The tools.</summary>
    public IReadOnlyList<AIFunction> Tools { get; } = tools ?? throw new ArgumentNullException(nameof(tools));

    /// <summary>
    /// Registers tool class <typeparamref name="T"/> (one instance, unless already registered) and its tools as one set,
    /// made with the <see cref="AgentToolOptions"/> service if there is one. Used by the generated <c>AddPatternsGenAgentTools()</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(IServiceCollection services)
        where T : class, IAgentToolClass
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<T>();
        services.AddSingleton(static provider => new AgentToolSet(provider.GetRequiredService<T>().GetAgentTools(provider.GetService<AgentToolOptions>())));
    }

    /// <summary>Every tool registered in <paramref name="services"/>, for an <see cref="AgentService"/>.</summary>
    public static IReadOnlyList<AIFunction> All(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return [.. services.GetServices<AgentToolSet>().SelectMany(static set => set.Tools)];
    }
}
