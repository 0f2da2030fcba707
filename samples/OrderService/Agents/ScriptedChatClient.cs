using System.Text.Json;
using Microsoft.Extensions.AI;

namespace OrderService.Agents;

/// <summary>
/// A stand-in model, so the sample runs offline: it asks search_orders about the e-mail address in the prompt,
/// then answers with what the tool returned, counted by status. It reports token counts a real model would.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var usage = new UsageDetails { InputTokenCount = history.Sum(static m => m.Text.Length / 4 + 4), OutputTokenCount = 12 };
        if (history.SelectMany(static m => m.Contents).OfType<FunctionResultContent>().LastOrDefault() is { } result)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Summarize(result.Result))) { Usage = usage });
        }

        var prompt = history.Last(static m => m.Role == ChatRole.User).Text;
        var email = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(static w => w.Contains('@'))?.TrimEnd('?', '.', ',') ?? "";
        var call = new FunctionCallContent("call-1", "search_orders", new Dictionary<string, object?> { ["customer"] = email, ["limit"] = 20 });
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])) { Usage = usage });
    }

    private static string Summarize(object? result)
    {
        if (result is not JsonElement { ValueKind: JsonValueKind.Array } rows)
        {
            return $"I could not read the orders: {result}";
        }

        var statuses = rows.EnumerateArray()
            .GroupBy(static r => r.GetProperty("Status").GetString())
            .Select(static g => $"{g.Count()} {g.Key}");
        return rows.GetArrayLength() == 0
            ? "I found no orders for that customer."
            : $"I found {rows.GetArrayLength()} orders: {string.Join(", ", statuses)}; the newest is {rows[0].GetProperty("Id").GetString()}.";
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted model answers whole responses only.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
