using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PatternsGen.Hosting.Tests;

/// <summary>The service of docs/hosting.md as its users test theirs: WebApplicationFactory, the payments service stubbed.</summary>
public sealed class HostedOrdersTests
{
    [Fact]
    public async Task An_order_is_stored_charged_once_through_the_resilient_client_and_projected()
    {
        var folder = Directory.CreateTempSubdirectory("patternsgen-hosted-orders-").FullName;
        var payments = new PaymentsStub();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:orders", $"Data Source={Path.Combine(folder, "orders.db")}");
            web.ConfigureServices(services => services.AddHttpClient<PaymentsClient>().ConfigurePrimaryHttpMessageHandler(() => payments));
        });
        try
        {
            using var client = factory.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/orders/o-1?total=30", null)).StatusCode);
            await Eventually.Until(() => client.GetStringAsync("/revenue").Result == "30" && payments.Charges.Count == 1);

            var (path, key) = Assert.Single(payments.Charges);
            Assert.Equal("/charges/o-1?total=30", path);
            Assert.True(Guid.TryParse(key, out _), $"the idempotency key is the message id: '{key}'");
        }
        finally
        {
            await factory.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class PaymentsStub : HttpMessageHandler
    {
        public List<(string Path, string? Key)> Charges { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Charges)
            {
                Charges.Add((request.RequestUri!.PathAndQuery, request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
