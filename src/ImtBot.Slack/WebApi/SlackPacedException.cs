namespace ImtBot.Slack.WebApi;

/// <summary>
/// An outbox step's turn under a Slack rate limit is <see cref="Wait"/> away, too far to wait for in place: the step is
/// run again then, and its turn is kept for it (see <see cref="SlackRateGate"/>). No call was made for it.
/// </summary>
public sealed class SlackPacedException(string method, TimeSpan wait, bool sent, IReadOnlyDictionary<string, string> learned)
    : Exception($"Slack {method}: its turn under the rate limit comes in {wait.TotalSeconds:0.#} s")
{
    public string Method { get; } = method;

    public TimeSpan Wait { get; } = wait;

    /// <summary>Whether the step had already sent a call that changes something, and not recorded what it produced.</summary>
    public bool Sent { get; } = sent;

    /// <summary>What the step's calls before this one produced, as links to keep with it.</summary>
    public IReadOnlyDictionary<string, string> Learned { get; } = learned;
}
