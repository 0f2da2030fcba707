using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Shop.Run;

/// <summary>Every instance of every service, and the settings each is started with.</summary>
public sealed class Services : IAsyncDisposable
{
    /// <summary>The services, in the order they start: the ones others call first.</summary>
    public static readonly string[] Names = ["users", "products", "payments", "shipping", "orders"];

    private readonly Func<ServiceProcess, IEnumerable<string>> _settingsOf;

    private Services(IReadOnlyList<ServiceProcess> all, Func<ServiceProcess, IEnumerable<string>> settingsOf)
    {
        All = all;
        _settingsOf = settingsOf;
    }

    public IReadOnlyList<ServiceProcess> All { get; }

    public IEnumerable<ServiceProcess> Of(string service) => All.Where(p => p.Service == service);

    /// <summary>
    /// Lays out <paramref name="replicas"/> instances of each service on free loopback ports. Each instance is told the
    /// URLs of every other service's instances, its store (<paramref name="storeOf"/>), the broker and the tracing.
    /// </summary>
    public static Services Plan(ShopSettings settings, Func<string, IEnumerable<string>> storeOf)
    {
        var logs = Directory.CreateDirectory(Path.Combine(settings.Data, "logs")).FullName;
        var all = Names.SelectMany(service => Enumerable.Range(1, settings.Replicas)
            .Select(n => new ServiceProcess(service, n, FreePort(), ProgramOf(service, settings.Published), logs))).ToList();
        var urls = Names.SelectMany(service => (IEnumerable<string>)
            [$"--Shop:Services:{service}", string.Join(',', all.Where(p => p.Service == service).Select(p => p.Url.ToString().TrimEnd('/')))]).ToList();
        return new Services(all, process =>
        [
            .. storeOf(process.Service), .. urls,
            "--Shop:RabbitMQ", settings.RabbitMq,
            "--Shop:ParentPid", Environment.ProcessId.ToString(),
            .. settings.Trace is { } trace ? ["--Shop:Trace", trace] : Array.Empty<string>(),
        ]);
    }

    public void Start(ServiceProcess process) => process.Start(_settingsOf(process));

    public async Task StartAllAsync(HttpClient http, TextWriter output, CancellationToken ct)
    {
        foreach (var process in All)
        {
            Start(process);
        }

        await Task.WhenAll(All.Select(p => p.WaitHealthyAsync(http, TimeSpan.FromSeconds(60), ct)));
        foreach (var service in Names)
        {
            output.WriteLine($"  {service,-9} {string.Join("  ", Of(service).Select(p => $"{p.Url} (pid {p.Pid}{(p.Native ? ", native" : "")})"))}");
        }
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(All.Select(p => p.StopAsync(TimeSpan.FromSeconds(10))));

    /// <summary>
    /// The service's published executable in <paramref name="published"/><c>/Shop.Orders/Shop.Orders</c> (a Native AOT
    /// publish, say) when there is one; else where <c>dotnet run</c> built it: the launcher's build builds the services first.
    /// </summary>
    private static string ProgramOf(string service, string? published)
    {
        var metadata = typeof(Services).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var project = "Shop." + char.ToUpperInvariant(service[0]) + service[1..];
        if (published is not null && Path.Combine(published, project, project) is var executable && File.Exists(executable))
        {
            return executable;
        }

        var dll = Path.Combine(metadata["ServicesFolder"]!, project, metadata["ServicesOutput"]!, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{project} is not built at {dll}; `dotnet run --project samples/Shop` builds it.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
