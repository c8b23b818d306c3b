using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// An incident as a fold over its events (<see cref="Apply"/>): it can always be rebuilt from the log.
/// Public members are the contract the host, cards and platforms read; add to them freely, rename with care.
/// </summary>
public sealed partial class IncidentState
{
    public int Number { get; internal set; }
    public string Title { get; internal set; } = "";
    public string? Summary { get; internal set; }
    public string? Impact { get; internal set; }
    public int Severity { get; internal set; }
    public IncidentKind Kind { get; internal set; }
    public IncidentStatus Status { get; internal set; }
    public string? Scenario { get; internal set; }

    /// <summary>Where it was declared; its platform is the incident's home platform (where its channel and card live).</summary>
    public ChannelRef Origin { get; internal set; } = new(PlatformNames.Console, "general");
    public UserRef DeclaredBy { get; internal set; } = UserRef.System;
    public DateTimeOffset DeclaredAt { get; internal set; }
    public DateTimeOffset? AcknowledgedAt { get; internal set; }
    public DateTimeOffset? MitigatedAt { get; internal set; }
    public DateTimeOffset? ResolvedAt { get; internal set; }
    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>Severity policy snapshotted at declaration (and re-snapshotted on a severity change).</summary>
    public SeverityPolicy Policy { get; internal set; } = new();

    /// <summary>The role names snapshotted at declaration; the first is the lead.</summary>
    public IReadOnlyList<string> RoleNames { get; internal set; } = [];
    public IReadOnlyList<string> KeyRoles { get; internal set; } = [];
    public IReadOnlyList<string> Admins { get; internal set; } = [];

    internal Dictionary<string, RoleHolder> HoldersByRole { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal List<Page> PageList { get; } = [];
    internal List<StatusUpdate> UpdateList { get; } = [];
    internal List<Note> NoteList { get; } = [];
    internal List<ActionItem> ActionList { get; } = [];
    internal List<UserRef> ParticipantList { get; } = [];

    public IReadOnlyDictionary<string, RoleHolder> Roles => HoldersByRole;
    public IReadOnlyList<Page> Pages => PageList;
    public IReadOnlyList<StatusUpdate> Updates => UpdateList;
    public IReadOnlyList<Note> Notes => NoteList;
    public IReadOnlyList<ActionItem> Actions => ActionList;
    public IReadOnlyList<UserRef> Participants => ParticipantList;

    public string Lead => RoleNames.Count > 0 ? RoleNames[0] : "commander";
    public UserRef? Commander => HoldersByRole.TryGetValue(Lead, out var h) ? h.User : null;

    /// <summary>The sequence of the last applied event (0 before the first): the optimistic-concurrency version.</summary>
    public long Version { get; internal set; }

    /// <summary>The hash of the last applied event (the chain head).</summary>
    public string Head { get; internal set; } = EventChain.GenesisHash;

    public bool IsFinal => Status is IncidentStatus.Closed or IncidentStatus.Cancelled;

    /// <summary><c>INC-42</c>.</summary>
    public string Key => IncidentKey.Format(Number);
}
