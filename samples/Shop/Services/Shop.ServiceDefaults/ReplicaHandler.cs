namespace Shop.ServiceDefaults;

/// <summary>
/// Sends each attempt to the next instance of a service, round robin. The request keeps its logical address
/// (<c>http://payments/charges</c>) outside this handler, so the circuit breaker and the logs above it see one
/// service however many instances it has.
/// </summary>
public sealed class ReplicaHandler(IReadOnlyList<Uri> instances) : DelegatingHandler
{
    private int _next = -1;

    /// <summary>The instances' base URLs from a comma-separated list; a service without any is a setup mistake.</summary>
    public static IReadOnlyList<Uri> Parse(string? urls, string service)
    {
        var parsed = (urls ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException($"Shop:Services:{service}: '{url}' is not an http URL."))
            .ToArray();
        return parsed.Length > 0
            ? parsed
            : throw new InvalidOperationException($"Shop:Services:{service} names no instance of {service}; give their URLs, comma-separated.");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logical = request.RequestUri!;
        var instance = instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count)];
        request.RequestUri = new UriBuilder(logical) { Scheme = instance.Scheme, Host = instance.Host, Port = instance.Port }.Uri;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = logical;
        }
    }
}
