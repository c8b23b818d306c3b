using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// An alert page: what a <c>page &lt;role&gt;</c> route makes of a firing alert instead of an incident. It holds the alert,
/// the pages sent down the role's on-call list and their answers, the silence of the alert's fingerprint and, when a
/// person turned it into one, the incident declared from it. Folded from its own stream by <see cref="Apply"/>, the one
/// fold of alert page events; the decisions are <see cref="AlertPageDecider"/>'s.
/// </summary>
public sealed class AlertPage
{
    private readonly List<Page> _pages = [];
    private readonly List<AlertPageEntry> _history = [];

    public int Number { get; private set; }

    public string Key => AlertPageKey.Format(Number);

    /// <summary>The number of events folded: the version a commit expects.</summary>
    public long Version { get; private set; }

    public string Head { get; private set; } = EventChain.GenesisHash;

    public string Integration { get; private set; } = "";

    public string Fingerprint { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Links { get; private set; } = [];

    public string GroupKey { get; private set; } = "";

    public DateTimeOffset? StartsAt { get; private set; }

    public string Role { get; private set; } = "";

    /// <summary>The role's on-call list as it was when the page opened: escalation walks it.</summary>
    public IReadOnlyList<UserRef> OnCall { get; private set; } = [];

    public TimeSpan PageTimeout { get; private set; }

    public int PageRounds { get; private set; } = 2;

    /// <summary>The chat platform the pages go out on.</summary>
    public string Platform { get; private set; } = PlatformNames.Console;

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset LastAt { get; private set; }

    public IReadOnlyList<Page> Pages => _pages;

    /// <summary>How many times monitoring sent the alert firing (the first time included; repeats while silenced too).</summary>
    public int Count { get; private set; }

    public bool Firing { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public UserRef? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Until when the fingerprint is silenced; null when it is not (or no longer) silenced.</summary>
    public DateTimeOffset? SilencedUntil { get; private set; }

    public UserRef? SilencedBy { get; private set; }

    /// <summary>The incident declared from this page, once someone did.</summary>
    public int? Incident { get; private set; }

    public UserRef? DeclaredBy { get; private set; }

    /// <summary>What happened, who did it and when, in order: what the API shows.</summary>
    public IReadOnlyList<AlertPageEntry> History => _history;

    public AlertPageState State =>
        Incident is not null ? AlertPageState.Declared
        : !Firing ? AlertPageState.Resolved
        : AcknowledgedBy is not null ? AlertPageState.Acknowledged
        : OpenPages.Count > 0 ? AlertPageState.Paging
        : AlertPageState.Unanswered;

    /// <summary>Still in people's hands: neither resolved nor carried into an incident.</summary>
    public bool IsOpen => State is AlertPageState.Paging or AlertPageState.Acknowledged or AlertPageState.Unanswered;

    public IReadOnlyList<Page> OpenPages => _pages.Where(p => p.Status == PageStatus.Paged).ToList();

    public Page? FindPage(string id) => _pages.Find(p => p.Id == id);

    public Page? OpenPageFor(UserRef user) => _pages.Find(p => p.Status == PageStatus.Paged && p.To.Equals(user));

    public bool IsSilenced(DateTimeOffset now) => SilencedUntil is { } until && until > now;

    public static AlertPage Replay(IEnumerable<IncidentEvent> events)
    {
        var page = new AlertPage();
        foreach (var e in events)
        {
            page.Apply(e);
        }

        return page;
    }

    /// <summary>Folds one event of the alert page's stream. Every alert page event changes something; none is ignored.</summary>
    public void Apply(IncidentEvent e)
    {
        Number = AlertPageKey.OfStream(e.Incident) ?? 0;
        Version = e.Sequence;
        Head = e.Hash;
        LastAt = e.At;
        switch (e.Data)
        {
            case AlertPageOpened d:
                (Integration, Fingerprint, Title, Labels, Links, GroupKey, StartsAt) = (d.Integration, d.Fingerprint, d.Title, d.Labels, d.Links, d.GroupKey, d.StartsAt);
                (Role, OnCall, PageTimeout, PageRounds, Platform) = (d.Role, d.OnCall, d.PageTimeout, d.PageRounds, d.Platform);
                (OpenedAt, Count, Firing) = (e.At, 1, true);
                Record(e, $"Alert fired: {d.Title}");
                break;
            case PageSent d:
                _pages.Add(new Page(d.PageId, d.To, d.Role, d.Message, e.At, d.Deadline, d.Round, PageStatus.Paged, null));
                Record(e, $"Paged {d.To} ({d.Role} on call" + (d.Round > 1 ? $", round {d.Round}" : "") + ")");
                break;
            case PageAcknowledged d:
                Answer(d.PageId, PageStatus.Acknowledged, e.At);
                AcknowledgedBy ??= e.Actor;
                AcknowledgedAt ??= e.At;
                Record(e, $"{e.Actor} acknowledged");
                break;
            case PageDeclined d:
                Answer(d.PageId, PageStatus.Declined, e.At);
                Record(e, $"{e.Actor} declined");
                break;
            case PageExpired d:
                Answer(d.PageId, PageStatus.Expired, e.At);
                Record(e, $"The page to {FindPage(d.PageId)?.To} expired unanswered");
                break;
            case AlertRepeated:
                Count++;
                Record(e, "Fired again" + (IsSilenced(e.At) ? " (silenced: nobody paged)" : ""));
                break;
            case AlertResolved:
                (Firing, ResolvedAt) = (false, e.At);
                CloseOpenPages(e.At);
                Record(e, "Alert resolved");
                break;
            case AlertPageSilenced d:
                (SilencedUntil, SilencedBy) = (d.Until, e.Actor);
                CloseOpenPages(e.At);
                Record(e, $"{e.Actor} silenced the alert until {IncidentDecider.Clock(d.Until)}");
                break;
            case AlertPageUnsilenced:
                (SilencedUntil, SilencedBy) = (null, null);
                Record(e, $"{e.Actor} lifted the silence");
                break;
            case AlertPageSilenceEnded:
                (SilencedUntil, SilencedBy) = (null, null);
                Record(e, "The silence ended");
                break;
            case AlertPageIncidentDeclared d:
                (Incident, DeclaredBy) = (d.Incident, e.Actor);
                CloseOpenPages(e.At);
                Record(e, $"{e.Actor} declared {IncidentKey.Format(d.Incident)} from the alert");
                break;
            default:
                throw new InvalidOperationException($"{e.Type} is not an alert page event (stream {e.Incident}, sequence {e.Sequence}).");
        }
    }

    private void Answer(string pageId, PageStatus status, DateTimeOffset at)
    {
        var i = _pages.FindIndex(p => p.Id == pageId);
        if (i >= 0 && _pages[i].Status == PageStatus.Paged)
        {
            _pages[i] = _pages[i] with { Status = status, AnsweredAt = at };
        }
    }

    /// <summary>A resolved, silenced or declared alert needs nobody's answer any more: the open page ends (as expired, unanswered).</summary>
    private void CloseOpenPages(DateTimeOffset at)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            if (_pages[i].Status == PageStatus.Paged)
            {
                _pages[i] = _pages[i] with { Status = PageStatus.Expired, AnsweredAt = at };
            }
        }
    }

    private void Record(IncidentEvent e, string text) => _history.Add(new AlertPageEntry(e.At, e.Actor, e.Type, text));
}

/// <summary>One line of an alert page's history: when, who (the bot for monitoring and timers), the event type and what it says.</summary>
public sealed record AlertPageEntry(DateTimeOffset At, UserRef Actor, string Type, string Text);
