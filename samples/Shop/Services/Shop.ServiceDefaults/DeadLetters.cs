using PatternsGen.Hosting.Health;
using PatternsGen.Messaging;
using Shop.Contracts;

namespace Shop.ServiceDefaults;

/// <summary>What a service could not deliver: its store's dead letters (handlers and parked projection events) and its broker queue's.</summary>
internal static class DeadLetters
{
    public static async Task<DeadLetterReport> ReportAsync(IDeadLetterQueue store, IBrokerHealth broker, CancellationToken ct)
    {
        var letters = await store.ListAsync(ct);
        var onBroker = await broker.CountDeadLettersAsync(ct);
        var described = letters.Select(static l => $"{l.Handler}: {l.ErrorType}: {l.Error}").ToList();
        if (onBroker > 0)
        {
            described.Add($"{onBroker} in the broker's dead-letter queue ({broker.Broker})");
        }

        return new DeadLetterReport(letters.Count + onBroker, described);
    }
}
