using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>What the decisions need besides what cards show: page purposes, on-call snapshots, reminder bookkeeping.</summary>
public sealed partial class Incident
{
    /// <summary><c>Incidents:PageRounds</c> as snapshotted at declaration.</summary>
    public int PageRounds { get; private set; } = 2;

    internal Dictionary<string, IReadOnlyList<UserRef>> OnCallByRole { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, string> PurposeByPage { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, HandoverRequested> HandoverByPage { get; } = new(StringComparer.Ordinal);
    internal HandoverRequested? UnlinkedHandover { get; private set; }
    internal Dictionary<string, DateTimeOffset> VacantSince { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, DateTimeOffset> ReminderLastSent { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, int> ReminderCount { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, DateTimeOffset> SnoozedUntil { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> CapturedMessages { get; } = new(StringComparer.Ordinal);

    /// <summary>The on-call lists snapshotted into this incident (by <c>page &lt;role&gt;</c> or a role assignment).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<UserRef>> OnCallLists => OnCallByRole;

    /// <summary>When the incident was last reopened (made active again after it was resolved), or null if never.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>When the last stakeholder update was posted, or null before the first.</summary>
    public DateTimeOffset? LastUpdateAt { get; private set; }

    /// <summary>Pages still waiting for an answer, oldest first.</summary>
    public IReadOnlyList<Page> OpenPages => PageList.Where(p => p.Status == PageStatus.Paged).ToArray();

    /// <summary>The holder of a role, or null when it is empty.</summary>
    public UserRef? Holder(string role) => HoldersByRole.TryGetValue(role, out var h) ? h.User : null;

    /// <summary>The deputy, if the deputy role exists and is held.</summary>
    public UserRef? Deputy => Holder("deputy");

    /// <summary>Why a page went out (<c>Paging.PagePurposes</c>), or null for a plain page.</summary>
    public string? PurposeOf(string pageId) => PurposeByPage.TryGetValue(pageId, out var p) ? p : null;

    /// <summary>The hand-over a page asks to complete, if it is a hand-over page.</summary>
    public HandoverRequested? HandoverOf(string pageId) => HandoverByPage.TryGetValue(pageId, out var h) ? h : null;

    /// <summary>The most recent unanswered page to <paramref name="user"/>, if any.</summary>
    public Page? OpenPageFor(UserRef user) => PageList.LastOrDefault(p => p.Status == PageStatus.Paged && p.To.Equals(user));

    public Page? FindPage(string pageId) => PageList.Find(p => p.Id == pageId);

    /// <summary>True while people are working on it (Declared, Investigating, Identified, Mitigated).</summary>
    public bool IsActive => IncidentLifecycle.IsActive(Status);

    /// <summary>
    /// The normalised name of a configured role (<c>Ops</c> → <c>ops</c>), or null. <c>lead</c> always means the lead
    /// role, and so does <c>commander</c> when the configured lead has another name (the parser turns <c>lead</c> into
    /// <c>role commander me</c>).
    /// </summary>
    public string? RoleName(string typed) =>
        RoleNames.FirstOrDefault(r => string.Equals(r, typed, StringComparison.OrdinalIgnoreCase))
        ?? (typed.Equals("lead", StringComparison.OrdinalIgnoreCase) || typed.Equals("commander", StringComparison.OrdinalIgnoreCase) ? Lead : null);
}
