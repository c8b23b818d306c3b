using ImtBot.ConsoleChat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>
/// Whether the web surface is served, judged from the addresses the server actually listens on (however they were
/// configured: <c>urls</c>, <c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>Kestrel:Endpoints</c>), not from one setting.
/// Until the server has started it is <see cref="WebSurfaceMode.Pending"/>, which serves nothing.
/// </summary>
public sealed partial class WebSurface(IServer server, IHostApplicationLifetime lifetime, IOptions<AuthOptions> auth, IOptions<ConsoleOptions> console, ILogger<WebSurface> log)
{
    private readonly Lock _gate = new();
    private WebSurfaceMode? _mode;

    /// <summary>The mode, decided (and logged) the first time it is asked after the server started.</summary>
    public WebSurfaceMode Mode
    {
        get
        {
            if (_mode is { } mode)
            {
                return mode;
            }

            if (!lifetime.ApplicationStarted.IsCancellationRequested)
            {
                return WebSurfaceMode.Pending;
            }

            lock (_gate)
            {
                return _mode ??= Decide();
            }
        }
    }

    /// <summary>Whether the console page and its API are served: the surface is on and <c>Console:Enabled</c> is not false.</summary>
    public bool ConsoleOn => IsOn && console.Value.Enabled != false;

    /// <summary>Whether the surface is served at all (the incidents API and pages).</summary>
    public bool IsOn => Mode is WebSurfaceMode.LocalDemo or WebSurfaceMode.SignIn;

    /// <summary>The addresses the server listens on.</summary>
    public IReadOnlyList<string> Addresses => server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private WebSurfaceMode Decide()
    {
        if (auth.Value.IsConfigured)
        {
            return WebSurfaceMode.SignIn;
        }

        var addresses = Addresses;
        var beyond = addresses.Where(a => !ListenAddress.IsLoopback(a)).ToList();
        if (addresses.Count > 0 && beyond.Count == 0)
        {
            return WebSurfaceMode.LocalDemo;
        }

        LogOff(log, addresses.Count == 0 ? "no address the server reported" : string.Join(", ", beyond));
        return WebSurfaceMode.Off;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The web surface (console, incidents API, pages) is off: ImtBot listens beyond loopback on {Addresses} and no sign-in is configured. " +
        "To turn it on, set Auth:Oidc:Authority, Auth:Oidc:ClientId and Auth:Oidc:ClientSecret (README: \"Putting ImtBot on your network\"), " +
        "or listen on loopback only (--urls http://localhost:5080). Slack, Teams, alerts and /healthz are not affected.")]
    private static partial void LogOff(ILogger log, string addresses);
}
