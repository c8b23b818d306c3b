namespace ImtBot.Teams.Connector;

/// <summary>
/// How the outgoing limiters treat an outbox step whose turn is far off. A caller waits for its turn in place, except
/// an outbox step (marked with <see cref="ForStep"/>) whose turn is more than <see cref="Patience"/> away: its turn is
/// kept for it and it is told to come back then (<see cref="ConnectorPacedException"/>), so it gives its dispatcher
/// slot to other incidents' steps instead of holding it while one busy conversation drains (60 sends per 30 s,
/// 1,800 an hour).
/// </summary>
public sealed class TeamsPacing(TimeSpan? patience = null)
{
    // The outbox step the calls of this async flow belong to, if any.
    private static readonly AsyncLocal<StepScope?> CurrentStep = new();

    /// <summary>How far off a turn may be for an outbox step to wait for it in place (2 s unless set).</summary>
    public TimeSpan Patience { get; } = patience ?? TimeSpan.FromSeconds(2);

    /// <summary>The outbox step the current calls belong to, or null.</summary>
    internal static string? Step => CurrentStep.Value?.Key;

    /// <summary>Whether the current step has sent a request that changes something (anything but a GET) so far.</summary>
    public static bool StepHasSent => CurrentStep.Value is { Changes: > 0 };

    /// <summary>Marks the calls made from here on in this async flow as <paramref name="stepKey"/>'s; dispose to end it.</summary>
    public static IDisposable ForStep(string stepKey)
    {
        var scope = new StepScope(stepKey, CurrentStep.Value);
        CurrentStep.Value = scope;
        return scope;
    }

    /// <summary>A request that may change something is about to be sent for the current step, if any.</summary>
    internal static void Sending(HttpMethod method)
    {
        if (method != HttpMethod.Get && CurrentStep.Value is { } step)
        {
            Interlocked.Increment(ref step.Changes);
        }
    }

    private sealed class StepScope(string key, StepScope? before) : IDisposable
    {
        public int Changes;

        public string Key { get; } = key;

        public void Dispose() => CurrentStep.Value = before;
    }
}
