namespace ImtBot.Core.Ports;

/// <summary>
/// Work that must run on one instance at a time however many share the database (Slack Socket Mode: Slack sends each
/// event to one of the app's sockets, and two instances would split them). A role is held under a lease the holder
/// keeps renewing; when it stops (the instance died, or cannot reach the database) another takes the role over.
/// </summary>
public interface ILeaderElection
{
    /// <summary>Waits until this instance holds <paramref name="role"/>; dispose the result to hand the role back.</summary>
    Task<ILeadership> AcquireAsync(string role, CancellationToken cancellationToken);
}

/// <summary>A role held by this instance until <see cref="Lost"/> is cancelled (it could not renew, or another took it) or it is disposed.</summary>
public interface ILeadership : IAsyncDisposable
{
    CancellationToken Lost { get; }

    /// <summary>The fencing token of this term: larger for every new holder of the role.</summary>
    long Term { get; }
}
