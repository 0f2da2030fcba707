using System.Net;
using System.Net.Http.Json;
using Shop.Contracts;

namespace Shop.Orders;

// The services orders calls, one typed client each: AddShopClient gives each its instances, retries and breaker.

public sealed class UsersClient(HttpClient http)
{
    public async Task<User?> FindAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"users/{Uri.EscapeDataString(id)}", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(ShopJson.Default.User, ct);
    }
}

public sealed class ProductsClient(HttpClient http)
{
    public async Task<Product?> FindAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"products/{Uri.EscapeDataString(id)}", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(ShopJson.Default.Product, ct);
    }

    public async Task ReserveAsync(string orderId, IReadOnlyList<OrderLine> lines, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync($"reservations/{Uri.EscapeDataString(orderId)}", lines, ShopJson.Default.IReadOnlyListOrderLine, ct);
        await Problems.EnsureSuccessAsync(response, ct);
    }

    public async Task ReleaseAsync(string orderId, CancellationToken ct)
    {
        using var response = await http.DeleteAsync($"reservations/{Uri.EscapeDataString(orderId)}", ct);
        await Problems.EnsureSuccessAsync(response, ct);
    }
}

public sealed class PaymentsClient(HttpClient http)
{
    /// <summary>Charges the order under <paramref name="key"/>: the same key on every retry and every resumed run is one charge.</summary>
    public async Task<Charge> ChargeAsync(string key, string orderId, decimal amount, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "charges") { Content = JsonContent.Create(new ChargeRequest(orderId, amount), ShopJson.Default.ChargeRequest) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request, ct);
        await Problems.EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync(ShopJson.Default.Charge, ct))!;
    }

    public async Task RefundAsync(string chargeId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"charges/{Uri.EscapeDataString(chargeId)}/refund", null, ct);
        await Problems.EnsureSuccessAsync(response, ct);
    }
}

public sealed class ShippingClient(HttpClient http)
{
    public async Task<Shipment> CreateAsync(string orderId, CancellationToken ct)
    {
        using var response = await http.PutAsync($"shipments/{Uri.EscapeDataString(orderId)}", null, ct);
        await Problems.EnsureSuccessAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync(ShopJson.Default.Shipment, ct))!;
    }
}

/// <summary>A refused call as an exception that says what the other service said, for the saga log and the order's detail.</summary>
internal static class Problems
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var detail = body.Contains("\"detail\"", StringComparison.Ordinal) ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() : body;
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri?.Host}: {detail}", null, response.StatusCode);
        }
    }
}
