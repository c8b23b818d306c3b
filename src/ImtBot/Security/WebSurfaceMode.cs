namespace ImtBot.Security;

/// <summary>How the web surface (console, incidents API, pages) is served, judged once the server listens.</summary>
public enum WebSurfaceMode
{
    /// <summary>The server has not reported where it listens yet: nothing is served.</summary>
    Pending,

    /// <summary>Loopback only and no <c>Auth</c>: the local demo, open to whoever is on this machine.</summary>
    LocalDemo,

    /// <summary><c>Auth</c> is configured: every request signs in or carries an API token.</summary>
    SignIn,

    /// <summary>Beyond loopback with no <c>Auth</c>: off, so it is never open to the network by accident.</summary>
    Off,
}
