using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Shop.Contracts;

namespace Shop.Run;

/// <summary>
/// The launcher as the shop's customer: calls a service's public API on its instances in turn, and when one is down
/// (killed, restarting) tries the next, until <see cref="Patience"/> runs out.
/// </summary>
public sealed class ShopClient(HttpClient http, Services services)
{
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(90);

    private int _next;

    /// <summary>
    /// Places the order and waits until it ends. <c>PUT /orders/{id}</c> is idempotent: sent again after a lost answer
    /// or while the order is in flight, it returns where the order stands and finishes what a crash left undone.
    /// </summary>
    public async Task<OrderStatus> PlaceAsync(OrderPlan plan, CancellationToken ct)
    {
        var body = new PlaceOrder(plan.CustomerId, plan.Lines, plan.Route);
        var waited = Stopwatch.StartNew();
        OrderStatus? last = null;
        while (true)
        {
            last = await SendAsync("orders", instance => http.PutAsJsonAsync(new Uri(instance, $"orders/{plan.Id}"), body, ShopJson.Default.PlaceOrder, ct), ShopJson.Default.OrderStatus, ct) ?? last;
            if (last is { IsFinal: true })
            {
                return last;
            }

            if (waited.Elapsed > Patience)
            {
                return last ?? new OrderStatus(plan.Id, "unknown", 0, $"no answer from orders within {Patience.TotalSeconds:0} s");
            }

            await Task.Delay(50, ct); // a short poll: what it adds to the measured latency stays small
        }
    }

    /// <summary>GETs <paramref name="path"/> from an instance of <paramref name="service"/> that answers; null on 404.</summary>
    public async Task<T?> GetAsync<T>(string service, string path, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Next(service), path), ct);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return null;
                }

                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync(type, ct);
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < Patience)
            {
                // that instance is down: the next one
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"No instance of {service} answered GET /{path} within {Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>One attempt on the next instance: its answer, or null when it was down or failed (5xx).</summary>
    private async Task<T?> SendAsync<T>(string service, Func<Uri, Task<HttpResponseMessage>> send, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        try
        {
            using var response = await send(Next(service));
            if ((int)response.StatusCode >= 500)
            {
                return null;
            }

            response.EnsureSuccessStatusCode(); // a 4xx is the launcher's own mistake: stop
            return await response.Content.ReadFromJsonAsync(type, ct);
        }
        catch (HttpRequestException error) when (error.StatusCode is null)
        {
            return null; // refused or reset: the instance is down
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // timed out
        }
    }

    private Uri Next(string service)
    {
        var instances = services.Of(service).ToArray();
        return instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Length)].Url;
    }
}
