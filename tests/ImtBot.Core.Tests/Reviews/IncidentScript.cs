using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>Builds an incident's hash-chained events on fixed timestamps, as the domain would append them.</summary>
internal sealed class IncidentScript(int incident, DateTimeOffset start)
{
    public static readonly string[] Roles = ["commander", "deputy", "comms", "ops", "scribe"];
    public static readonly string[] KeyRoles = ["commander", "comms", "ops"];

    private readonly List<IncidentEvent> _events = [];

    public IReadOnlyList<IncidentEvent> Events => _events;

    public static UserRef User(string id, string name) => new(PlatformNames.Slack, id, name);

    public static SeverityPolicy Policy(int level) => new IncidentOptions().PolicyFor(level);

    public IncidentScript Declare(UserRef by, string title, int severity, IncidentKind kind = IncidentKind.Normal, string? scenario = null) =>
        At(TimeSpan.Zero, by, new IncidentDeclared(title, severity, kind, new ChannelRef(PlatformNames.Slack, "C0GENERAL"), Policy(severity),
            Roles, KeyRoles, [], scenario));

    /// <summary>Appends an event at <paramref name="offset"/> after the start.</summary>
    public IncidentScript At(TimeSpan offset, UserRef actor, EventData data)
    {
        var previous = _events.Count == 0 ? EventChain.GenesisHash : _events[^1].Hash;
        _events.Add(EventChain.Append(previous, incident, _events.Count + 1, start + offset, actor, data));
        return this;
    }

    public static TimeSpan T(int minutes, int seconds = 0) => new(0, minutes, seconds);
}
