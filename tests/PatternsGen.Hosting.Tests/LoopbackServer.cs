using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatternsGen.Hosting.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering every request with <paramref name="respond"/>.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _requests;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>How many requests reached the server.</summary>
    public int Requests
    {
        get
        {
            lock (_waiters)
            {
                return _requests;
            }
        }
    }

    public static async Task<LoopbackServer> StartAsync(Func<int, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(context => respond(server.Arrived(), context));
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return server;
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived.</summary>
    public Task WhenRequestsAsync(int count)
    {
        lock (_waiters)
        {
            if (_requests >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private int Arrived()
    {
        lock (_waiters)
        {
            var n = ++_requests;
            foreach (var waiter in _waiters.Where(w => w.Count <= n).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }

            return n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
