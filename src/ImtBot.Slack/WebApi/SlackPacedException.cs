namespace ImtBot.Slack.WebApi;

/// <summary>
/// An outbox step's turn under a Slack rate limit is <see cref="Wait"/> away, too far to wait for in place: the step is
/// run again then, and its turn is kept for it (see <see cref="SlackRateGate"/>). No call was made for it.
/// </summary>
public sealed class SlackPacedException(string method, TimeSpan wait, bool sent)
    : Exception($"Slack {method}: its turn under the rate limit comes in {wait.TotalSeconds:0.#} s")
{
    public string Method { get; } = method;

    public TimeSpan Wait { get; } = wait;

    /// <summary>Whether the step had already sent a call that changes something before this one.</summary>
    public bool Sent { get; } = sent;
}
