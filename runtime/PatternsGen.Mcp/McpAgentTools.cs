using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace PatternsGen.Agents;

/// <summary>Generated agent tools as tools of a ModelContextProtocol server.</summary>
public static class McpAgentTools
{
    /// <summary>
    /// <paramref name="tool"/> as an MCP server tool: the same name, description and schema. A call whose
    /// arguments the tool refuses (<see cref="AgentToolArgumentException"/>) comes back to the client as an error
    /// result naming the argument and what was expected, so a model can correct its call; any other exception of
    /// the tool keeps the SDK's fixed text, so nothing of the tool's internals leaks.
    /// </summary>
    public static McpServerTool AsMcpServerTool(this AIFunction tool, McpServerToolCreateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return McpServerTool.Create(new ArgumentErrorsReported(tool), options);
    }

    /// <summary>Each of <paramref name="tools"/> as <see cref="AsMcpServerTool"/> makes it, for <c>McpServerOptions.ToolCollection</c> or <c>WithTools</c>.</summary>
    public static IReadOnlyList<McpServerTool> AsMcpServerTools(this IEnumerable<AIFunction> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        return [.. tools.Select(static t => t.AsMcpServerTool())];
    }

    /// <summary>
    /// The SDK reports an <see cref="McpException"/>'s message to the client and any other exception as a fixed
    /// text: an argument refusal is written for the model, so it becomes one.
    /// </summary>
    private sealed class ArgumentErrorsReported(AIFunction tool) : DelegatingAIFunction(tool)
    {
        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            try
            {
                return await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false);
            }
            catch (AgentToolArgumentException refused)
            {
                // The SDK puts "An error occurred invoking 'tool': " before it.
                throw new McpException($"argument '{refused.ParamName}': expected {refused.Expected}, got {refused.Actual}.", refused);
            }
        }
    }
}
