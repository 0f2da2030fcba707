using Microsoft.Extensions.AI;

namespace AgentTools;

/// <summary>
/// A stand-in model for running offline: it asks for search_orders once, with the e-mail address it finds in
/// the prompt, then answers from the tool's result. Real models are used when OPENAI_API_KEY is set.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        if (history.SelectMany(static m => m.Contents).OfType<FunctionResultContent>().LastOrDefault() is { } result)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Here is what I found: {result.Result}")));
        }

        var prompt = history.Last(static m => m.Role == ChatRole.User).Text;
        var email = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(static w => w.Contains('@'))?.TrimEnd('?', '.', ',') ?? "";
        var call = new FunctionCallContent("call-1", "search_orders", new Dictionary<string, object?> { ["customer"] = email, ["limit"] = 5 });
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model answers whole responses only.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
