using System.Diagnostics;
using Microsoft.Extensions.AI;
using PatternsGen.Diagnostics;

namespace PatternsGen.Agents;

/// <summary>
/// The tool-use loop on an <see cref="IChatClient"/>: call the model with the tools; run the calls it
/// asks for (those of one turn in parallel); give it the results; stop at its final answer, or at
/// <see cref="AgentOptions.MaxIterations"/>. An unknown tool, bad arguments, a declined approval or a tool
/// that throws becomes an error result the model sees, never an exception out of the run.
/// </summary>
/// <remarks>
/// Written here rather than on Microsoft.Extensions.AI's <c>FunctionInvokingChatClient</c>: that client lives
/// in the Microsoft.Extensions.AI package (not the abstractions the runtime takes), and the run needs things
/// it does not do per run — an allow-list, an approval step for marked tools, error texts that keep a tool's
/// internals from the model, and a record of every call. The loop itself is short.
/// </remarks>
public sealed class AgentService
{
    private readonly IChatClient _chat;
    private readonly Dictionary<string, AIFunction> _tools = new(StringComparer.Ordinal);
    private readonly AgentOptions _options;

    /// <summary>Creates the agent.</summary>
    /// <exception cref="ArgumentException">Two tools have one name.</exception>
    public AgentService(IChatClient chatClient, IEnumerable<AIFunction> tools, AgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(tools);
        _chat = chatClient;
        _options = options ?? new AgentOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxIterations, 1, nameof(options.MaxIterations));
        foreach (var tool in tools)
        {
            if (!_tools.TryAdd(tool.Name, tool))
            {
                throw new ArgumentException($"Two tools are called '{tool.Name}'; the model could not tell them apart.", nameof(tools));
            }
        }
    }

    /// <summary>Runs the loop for <paramref name="prompt"/> with every tool.</summary>
    public Task<AgentResponse> RunAsync(string prompt, CancellationToken ct = default) => RunAsync(prompt, null, ct);

    /// <summary>Runs the loop for <paramref name="prompt"/>, with the tools <paramref name="run"/> allows.</summary>
    public async Task<AgentResponse> RunAsync(string prompt, AgentRunOptions? run, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        var tools = run?.AllowedTools is { } allowed
            ? _tools.Values.Where(t => allowed.Contains(t.Name)).ToList()
            : [.. _tools.Values];
        var chatOptions = _options.ChatOptions?.Clone() ?? new ChatOptions();
        chatOptions.Tools = [.. tools];

        var messages = new List<ChatMessage>();
        if (_options.Instructions is { } instructions)
        {
            messages.Add(new ChatMessage(ChatRole.System, instructions));
        }

        messages.Add(new ChatMessage(ChatRole.User, prompt));
        var calls = new List<AgentToolCall>();
        var usage = new UsageDetails();
        using var activity = PatternsGenDiagnostics.ActivitySource.StartActivity("agent run");
        for (var iteration = 1; iteration <= _options.MaxIterations; iteration++)
        {
            var response = await _chat.GetResponseAsync(messages, chatOptions, ct).ConfigureAwait(false);
            if (response.Usage is { } used)
            {
                usage.Add(used);
            }

            messages.AddRange(response.Messages);
            var requested = response.Messages.SelectMany(static m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (requested.Count == 0)
            {
                activity?.SetTag("patternsgen.agent.iterations", iteration);
                return new AgentResponse(response.Text, messages, iteration, calls, usage, StoppedAtLimit: false);
            }

            // The calls of one turn run together; their results go back in the order they were asked for.
            var results = await Task.WhenAll(requested.Select(call => InvokeAsync(call, tools, ct))).ConfigureAwait(false);
            calls.AddRange(results.Select(static r => r.Call));
            messages.Add(new ChatMessage(ChatRole.Tool, [.. results.Select(static r => (AIContent)r.Content)]));
        }

        activity?.SetTag("patternsgen.agent.iterations", _options.MaxIterations);
        return new AgentResponse("", messages, _options.MaxIterations, calls, usage, StoppedAtLimit: true);
    }

    private async Task<(AgentToolCall Call, FunctionResultContent Content)> InvokeAsync(FunctionCallContent call, List<AIFunction> tools, CancellationToken ct)
    {
        using var activity = PatternsGenDiagnostics.ActivitySource.StartActivity("agent tool " + call.Name);
        activity?.SetTag("patternsgen.agent.tool", call.Name);
        activity?.SetTag("patternsgen.agent.call_id", call.CallId);
        var (outcome, result, error) = await RunToolAsync(call, tools, ct).ConfigureAwait(false);
        activity?.SetTag("outcome", outcome.ToString());
        if (outcome != AgentToolOutcome.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }

        return (new AgentToolCall(call.Name, call.CallId, outcome, error), new FunctionResultContent(call.CallId, outcome == AgentToolOutcome.Succeeded ? result : "Error: " + error));
    }

    private async Task<(AgentToolOutcome, object?, string?)> RunToolAsync(FunctionCallContent call, List<AIFunction> tools, CancellationToken ct)
    {
        var tool = tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            return (AgentToolOutcome.UnknownTool, null, $"there is no tool '{call.Name}'; the tools are {string.Join(", ", tools.Select(static t => t.Name))}.");
        }

        if (call.Exception is { } unreadable)
        {
            return (AgentToolOutcome.InvalidArguments, null, "the arguments were not valid JSON: " + unreadable.Message);
        }

        var arguments = new AIFunctionArguments(call.Arguments ?? new Dictionary<string, object?>());
        if (tool is AgentToolFunction { RequiresApproval: true }
            && !(_options.ApproveAsync is { } approve && await approve(new AgentToolApproval(tool.Name, call.CallId, arguments), ct).ConfigureAwait(false)))
        {
            return (AgentToolOutcome.Declined, null, $"the call of '{tool.Name}' was not approved, so it did not run.");
        }

        try
        {
            return (AgentToolOutcome.Succeeded, await tool.InvokeAsync(arguments, ct).ConfigureAwait(false), null);
        }
        catch (AgentToolArgumentException invalid)
        {
            return (AgentToolOutcome.InvalidArguments, null, invalid.Message);
        }
        catch (Exception failure) when (!ct.IsCancellationRequested)
        {
            AgentTelemetry.ToolFailed(_options.Logger, tool.Name, failure);
            return (AgentToolOutcome.Failed, null, _options.IncludeErrorDetails
                ? $"'{tool.Name}' failed: {failure.Message}"
                : $"'{tool.Name}' failed; try again later or without it.");
        }
    }
}
