namespace PatternsGen.Runtime.Tests.Sagas;

public sealed class TripContext
{
    public List<string> Log { get; } = [];

    public string? FailAt { get; set; }

    public string? FailCompensationOf { get; set; }

    public CancellationTokenSource? CancelAfter { get; set; }

    public string? CancelAfterStep { get; set; }

    public List<bool> CompensationTokensCancelled { get; } = [];
}

public sealed record Flight(string Number);

public readonly record struct Hotel(int Room);

/// <summary>Book flight → book hotel → charge card (pivot) → email. Each step can be told to fail.</summary>
[Saga]
public partial class TravelSaga
{
    [SagaStep(1, Compensate = nameof(CancelFlight))]
    public Task<Flight> BookFlight(TripContext context, CancellationToken ct) => Step(context, "BookFlight", new Flight("PG123"));

    public Task CancelFlight(TripContext context, Flight flight, CancellationToken ct) => Undo(context, "CancelFlight " + flight.Number, ct);

    [SagaStep(2, Compensate = nameof(CancelHotel))]
    public async ValueTask<Hotel> BookHotel(TripContext context, CancellationToken ct)
    {
        await Task.Yield(); // a step that really awaits
        return await Step(context, "BookHotel", new Hotel(42));
    }

    public ValueTask CancelHotel(TripContext context, Hotel hotel, CancellationToken ct) => new(Undo(context, "CancelHotel " + hotel.Room, ct));

    [SagaStep(3, Pivot = true)]
    public Task ChargeCard(TripContext context, CancellationToken ct) => Step(context, "ChargeCard", 0);

    [SagaStep(4)]
    public Task Email(TripContext context, CancellationToken ct) => Step(context, "Email", 0);

    private static Task<T> Step<T>(TripContext context, string name, T result)
    {
        if (context.FailAt == name)
        {
            throw new InvalidOperationException(name + " failed");
        }

        context.Log.Add(name);
        if (context.CancelAfterStep == name)
        {
            context.CancelAfter!.Cancel();
        }

        return Task.FromResult(result);
    }

    private static Task Undo(TripContext context, string what, CancellationToken ct)
    {
        context.CompensationTokensCancelled.Add(ct.IsCancellationRequested);
        if (context.FailCompensationOf is { } name && what.StartsWith(name, StringComparison.Ordinal))
        {
            throw new TimeoutException(what + " timed out");
        }

        context.Log.Add(what);
        return Task.CompletedTask;
    }
}
