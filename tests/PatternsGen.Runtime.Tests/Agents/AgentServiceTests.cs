using System.Text.Json;
using Microsoft.Extensions.AI;
using PatternsGen.Agents;

namespace PatternsGen.Runtime.Tests.Agents;

public partial class OpsTools
{
    private readonly TaskCompletionSource _aStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Ran { get; } = [];

    /// <summary>Always fails, with a secret in its message.</summary>
    [AgentTool]
    public int Explode() => throw new InvalidOperationException("connection string Password=hunter2");

    /// <summary>Refunds an order.</summary>
    [AgentTool(RequiresApproval = true)]
    public string Refund(string orderId)
    {
        lock (Ran)
        {
            Ran.Add("refund " + orderId);
        }

        return "refunded";
    }

    /// <summary>Waits until B has started: only finishes when both run at once.</summary>
    [AgentTool]
    public async Task<string> A()
    {
        _aStarted.TrySetResult();
        await _bStarted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a safety net: sequential calls would wait forever
        return "a";
    }

    /// <summary>Waits until A has started.</summary>
    [AgentTool]
    public async Task<string> B()
    {
        _bStarted.TrySetResult();
        await _aStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return "b";
    }
}

/// <summary>A model that follows a script: each turn, the next function of the messages so far.</summary>
internal sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, ChatResponse>[] turns) : IChatClient
{
    private int _turn;

    public List<ChatOptions?> Options { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Options.Add(options);
        var script = turns[Math.Min(_turn++, turns.Length - 1)];
        return Task.FromResult(script([.. messages]));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    public static ChatResponse Calls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls])) { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5, TotalTokenCount = 15 } };

    public static ChatResponse Answer(string text) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = 20, OutputTokenCount = 7, TotalTokenCount = 27 } };

    public static FunctionCallContent Call(string id, string name, string json = "{}") =>
        new(id, name, JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone()));
}

public sealed class AgentServiceTests
{
    private readonly TestTools _tools = new();
    private readonly OpsTools _ops = new();

    private IEnumerable<AIFunction> AllTools => [.. _tools.GetAgentTools(), .. _ops.GetAgentTools()];

    [Fact]
    public async Task Runs_the_requested_tools_feeds_the_results_back_and_stops_at_the_final_answer()
    {
        var model = new ScriptedChatClient(
            _ => ScriptedChatClient.Calls(ScriptedChatClient.Call("c1", "search_orders", """{"customer":"ann","limit":1}""")),
            messages => ScriptedChatClient.Answer("Ann has " + messages.Last().Contents.OfType<FunctionResultContent>().Single().Result));
        var agent = new AgentService(model, AllTools, new AgentOptions { Instructions = "Be brief." });

        var response = await agent.RunAsync("What did Ann order?");

        Assert.Equal("""Ann has ["ann-1"]""", response.Text);
        Assert.Equal(2, response.Iterations);
        Assert.False(response.StoppedAtLimit);
        Assert.Equal([new AgentToolCall("search_orders", "c1", AgentToolOutcome.Succeeded, null)], response.ToolCalls);
        Assert.Equal((30, 12, 42), (response.Usage.InputTokenCount, response.Usage.OutputTokenCount, response.Usage.TotalTokenCount));
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], response.Messages.Select(static m => m.Role));
        Assert.Equal(9, model.Options[0]!.Tools!.Count);
    }

    [Fact]
    public async Task Unknown_tools_bad_arguments_and_throwing_tools_become_error_results_without_internal_details()
    {
        var model = new ScriptedChatClient(
            _ => ScriptedChatClient.Calls(
                ScriptedChatClient.Call("c1", "no_such_tool"),
                ScriptedChatClient.Call("c2", "search_orders", """{"customer":42}"""),
                ScriptedChatClient.Call("c3", "explode")),
            _ => ScriptedChatClient.Answer("Sorry."));
        var agent = new AgentService(model, AllTools);

        var response = await agent.RunAsync("Do things.");

        Assert.Equal(
            [AgentToolOutcome.UnknownTool, AgentToolOutcome.InvalidArguments, AgentToolOutcome.Failed],
            response.ToolCalls.Select(static c => c.Outcome));
        var results = response.Messages.Single(static m => m.Role == ChatRole.Tool).Contents.OfType<FunctionResultContent>().Select(static r => (string)r.Result!).ToList();
        Assert.StartsWith("Error: there is no tool 'no_such_tool'", results[0], StringComparison.Ordinal);
        Assert.Contains("argument 'customer': expected a string, got the number 42", results[1], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", results[2], StringComparison.Ordinal);
        Assert.Equal("Sorry.", response.Text);
    }

    [Fact]
    public async Task A_run_stops_at_the_iteration_limit()
    {
        var model = new ScriptedChatClient(_ => ScriptedChatClient.Calls(ScriptedChatClient.Call(Guid.NewGuid().ToString(), "search_orders", """{"customer":"x"}""")));

        var response = await new AgentService(model, AllTools, new AgentOptions { MaxIterations = 3 }).RunAsync("Loop.");

        Assert.True(response.StoppedAtLimit);
        Assert.Equal(3, response.Iterations);
        Assert.Equal(3, response.ToolCalls.Count);
        Assert.Equal("", response.Text);
    }

    [Fact]
    public async Task The_calls_of_one_turn_run_at_the_same_time()
    {
        var model = new ScriptedChatClient(
            _ => ScriptedChatClient.Calls(ScriptedChatClient.Call("a", "a"), ScriptedChatClient.Call("b", "b")),
            _ => ScriptedChatClient.Answer("done"));

        var response = await new AgentService(model, AllTools).RunAsync("Both.");

        Assert.All(response.ToolCalls, static c => Assert.Equal(AgentToolOutcome.Succeeded, c.Outcome));
    }

    [Fact]
    public async Task Tools_needing_approval_run_only_when_approved_and_a_run_may_allow_only_some_tools()
    {
        var asked = new List<AgentToolApproval>();
        Func<IReadOnlyList<ChatMessage>, ChatResponse> refund = _ => ScriptedChatClient.Calls(ScriptedChatClient.Call("r", "refund", """{"orderId":"o-1"}"""));
        Func<IReadOnlyList<ChatMessage>, ChatResponse> done = _ => ScriptedChatClient.Answer("ok");

        var declined = await new AgentService(new ScriptedChatClient(refund, done), AllTools).RunAsync("Refund o-1.");
        var approved = await new AgentService(new ScriptedChatClient(refund, done), AllTools, new AgentOptions
        {
            ApproveAsync = (approval, _) => { asked.Add(approval); return ValueTask.FromResult(true); },
        }).RunAsync("Refund o-1.");
        var model = new ScriptedChatClient(refund, done);
        var notAllowed = await new AgentService(model, AllTools).RunAsync("Refund o-1.", new AgentRunOptions { AllowedTools = ["search_orders"] });

        Assert.Equal(AgentToolOutcome.Declined, Assert.Single(declined.ToolCalls).Outcome);
        Assert.Equal(AgentToolOutcome.Succeeded, Assert.Single(approved.ToolCalls).Outcome);
        Assert.Equal(("refund", "o-1"), (asked.Single().ToolName, ((JsonElement)asked.Single().Arguments["orderId"]!).GetString()));
        Assert.Equal(AgentToolOutcome.UnknownTool, Assert.Single(notAllowed.ToolCalls).Outcome);
        Assert.Equal(["search_orders"], model.Options[0]!.Tools!.Select(static t => t.Name));
        Assert.Equal(["refund o-1"], _ops.Ran);
    }

    [Fact]
    public async Task Cancellation_stops_the_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new AgentService(new ScriptedChatClient(_ => ScriptedChatClient.Answer("x")), AllTools).RunAsync("Hi.", cancelled.Token));
    }
}
