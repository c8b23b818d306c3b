using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// An incident as a fold over its events (<see cref="Apply"/>): it can always be rebuilt from the log.
/// Public members are the contract the host, cards and platforms read; add to them freely, rename with care.
/// </summary>
public sealed partial class Incident
{
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Summary { get; private set; }
    public string? Impact { get; private set; }
    public int Severity { get; private set; }
    public IncidentKind Kind { get; private set; }
    public IncidentStatus Status { get; private set; }
    public string? Scenario { get; private set; }

    /// <summary>Where it was declared; its platform is the incident's home platform (where its channel and card live).</summary>
    public ChannelRef Origin { get; private set; } = new(PlatformNames.Console, "general");
    public UserRef DeclaredBy { get; private set; } = UserRef.System;
    public DateTimeOffset DeclaredAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? MitigatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Severity policy snapshotted at declaration (and re-snapshotted on a severity change).</summary>
    public SeverityPolicy Policy { get; private set; } = new();

    /// <summary>The role names snapshotted at declaration; the first is the lead.</summary>
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<string> KeyRoles { get; private set; } = [];
    public IReadOnlyList<string> Admins { get; private set; } = [];

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
    public long Version { get; private set; }

    /// <summary>The hash of the last applied event (the chain head).</summary>
    public string Head { get; private set; } = EventChain.GenesisHash;

    /// <summary>Closed or Cancelled: nothing changes it any more (<see cref="IncidentLifecycle.IsFinal"/>).</summary>
    public bool IsFinal => IncidentLifecycle.IsFinal(Status);

    /// <summary><c>INC-42</c>.</summary>
    public string Key => IncidentKey.Format(Number);
}
