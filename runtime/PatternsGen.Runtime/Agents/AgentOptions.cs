using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Agents;

/// <summary>Settings of an <see cref="AgentService"/>.</summary>
public sealed class AgentOptions
{
    /// <summary>Model calls per run, the final answer included. Default 10; a run that reaches it stops with <see cref="AgentResponse.StoppedAtLimit"/>.</summary>
    public int MaxIterations { get; set; } = 10;

    /// <summary>Instructions sent as the system message of every run, if any.</summary>
    public string? Instructions { get; set; }

    /// <summary>Options for every model call (model id, temperature, …); the tools are set by the agent.</summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>
    /// Asked before a tool with <c>RequiresApproval = true</c> runs; the call runs only if it returns true. With
    /// no callback such tools never run (the model is told the call was declined).
    /// </summary>
    public Func<AgentToolApproval, CancellationToken, ValueTask<bool>>? ApproveAsync { get; set; }

    /// <summary>
    /// Show the model the message of an exception a tool threw. Default off: the model sees only that the tool
    /// failed, never internal details (argument errors are always shown: the model must be able to fix them).
    /// </summary>
    public bool IncludeErrorDetails { get; set; }

    /// <summary>Where tool failures are logged (Warning); none by default.</summary>
    public ILogger? Logger { get; set; }
}

/// <summary>A call that needs approval, as <see cref="AgentOptions.ApproveAsync"/> is asked about it.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Arguments">What the model passed.</param>
public sealed record AgentToolApproval(string ToolName, string CallId, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>Per-run settings of <see cref="AgentService.RunAsync(string, AgentRunOptions?, CancellationToken)"/>.</summary>
public sealed class AgentRunOptions
{
    /// <summary>The only tools this run may use (by name); null for all of the agent's tools.</summary>
    public IReadOnlyCollection<string>? AllowedTools { get; init; }
}

/// <summary>What a run produced.</summary>
/// <param name="Text">The model's final answer (empty when the run stopped at the limit).</param>
/// <param name="Messages">The whole conversation: the prompt, each model turn, each tool result.</param>
/// <param name="Iterations">Model calls made.</param>
/// <param name="ToolCalls">Every tool call the model asked for, in order, with its outcome.</param>
/// <param name="Usage">Token counts summed over every model call.</param>
/// <param name="StoppedAtLimit">The run hit <see cref="AgentOptions.MaxIterations"/> before a final answer.</param>
public sealed record AgentResponse(string Text, IReadOnlyList<ChatMessage> Messages, int Iterations, IReadOnlyList<AgentToolCall> ToolCalls, UsageDetails Usage, bool StoppedAtLimit);

/// <summary>One tool call of a run.</summary>
/// <param name="ToolName">The tool the model named.</param>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Error">Why it did not succeed, as the model was told; null on success.</param>
public sealed record AgentToolCall(string ToolName, string CallId, AgentToolOutcome Outcome, string? Error);

/// <summary>How a tool call ended.</summary>
public enum AgentToolOutcome
{
    /// <summary>The tool ran and returned.</summary>
    Succeeded,

    /// <summary>No tool of that name (or not allowed in this run).</summary>
    UnknownTool,

    /// <summary>The arguments did not match the schema; the tool did not run.</summary>
    InvalidArguments,

    /// <summary>The approval callback said no (or there was none).</summary>
    Declined,

    /// <summary>The tool threw.</summary>
    Failed,
}
