namespace ImtBot.Teams.Connector;

/// <summary>
/// An outbox step's turn under a Teams limit (per conversation, per team) is <see cref="Wait"/> away, too far to wait
/// for in place: its turn is kept and the step is run again then (see <see cref="TeamsPacing"/>). Nothing was sent.
/// </summary>
public sealed class ConnectorPacedException(string what, TimeSpan wait)
    : Exception($"Teams: its turn under the {what} limit comes in {wait.TotalSeconds:0.#} s")
{
    public TimeSpan Wait { get; } = wait;
}
