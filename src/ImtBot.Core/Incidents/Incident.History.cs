using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The incident's history as the fold sees it: who held which role when, hand-overs, severity steps, update gaps,
/// vacancies, responders and the timeline in words. The review (<see cref="ReviewModel"/>) is built from these, so the
/// cards, the API and <c>review.md</c> read one set of milestones and intervals.
/// </summary>
public sealed partial class Incident
{
    private readonly List<RoleTenure> _tenures = [];
    private readonly Dictionary<string, int> _openTenure = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ReviewHandover> _handovers = [];
    private readonly List<SeverityStep> _severities = [];
    private readonly List<UpdateGap> _gaps = [];
    private readonly Dictionary<string, TimeSpan> _vacancy = new(StringComparer.OrdinalIgnoreCase) { ["commander"] = TimeSpan.Zero };
    private readonly List<string> _tracked = ["commander"];
    private readonly Dictionary<UserRef, (DateTimeOffset First, int Events)> _people = [];
    private readonly List<UserRef> _peopleOrder = [];
    private readonly List<(IncidentEvent Event, Page? Page)> _described = [];
    private bool _started;
    private int? _pendingHandover;

    /// <summary>The declaration as logged (null before it): the initial severity and the policy the first pages ran under.</summary>
    public IncidentDeclared? Declaration { get; private set; }

    /// <summary>When it was cancelled as a false alarm, if it was.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The most severe level reached (the lowest number).</summary>
    public int PeakSeverity { get; private set; }

    /// <summary>Each severity change with its reason, in order.</summary>
    public IReadOnlyList<SeverityStep> SeverityHistory => _severities;

    /// <summary>Every role tenure in the order they began; <see cref="RoleTenure.To"/> is null while it lasts.</summary>
    public IReadOnlyList<RoleTenure> Tenures => _tenures;

    /// <summary>Commander hand-overs, with when they were taken.</summary>
    public IReadOnlyList<ReviewHandover> Handovers => _handovers;

    /// <summary>The people seen in the log (not the bot), in the order they first appeared.</summary>
    public IReadOnlyList<UserRef> People => _peopleOrder;

    /// <summary>
    /// Every event in words (<see cref="IncidentText.Describe"/>), a pinned message at its own time under its author; in
    /// time order, then sequence. The words are made when asked for, so replaying an incident to decide a command does
    /// not pay for them.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Timeline => _described.Select(d => Entry(d.Event, d.Page)).OrderBy(t => t.At).ToList();

    /// <summary>The stretches of active time without an update that have ended; <see cref="OpenGapSince"/> is the running one.</summary>
    internal IReadOnlyList<UpdateGap> ClosedGaps => _gaps;

    /// <summary>When the running update gap began, or null while the incident is not active.</summary>
    internal DateTimeOffset? OpenGapSince { get; private set; }

    /// <summary>The tightest update cadence in force during the running gap.</summary>
    internal TimeSpan? OpenGapCadence { get; private set; }

    /// <summary>Active time each tracked role (the lead and the key roles) was empty, up to <see cref="SweptTo"/>.</summary>
    internal IReadOnlyDictionary<string, TimeSpan> Vacancy => _vacancy;

    /// <summary>The latest event time seen: open intervals have been charged up to here.</summary>
    internal DateTimeOffset SweptTo { get; private set; }

    /// <summary>When <paramref name="user"/> first appeared and how many events they wrote.</summary>
    internal (DateTimeOffset First, int Events) Seen(UserRef user) => _people[user];

    /// <summary>Moves the clock to <paramref name="to"/>, charging active time to every vacant tracked role.</summary>
    private void Sweep(DateTimeOffset to)
    {
        if (!_started)
        {
            (_started, SweptTo, OpenGapSince, OpenGapCadence) = (true, to, to, Policy.UpdateCadence);
        }

        if (to <= SweptTo)
        {
            return;
        }

        if (IsActive)
        {
            foreach (var role in _tracked)
            {
                if (!HoldersByRole.ContainsKey(role))
                {
                    _vacancy[role] += to - SweptTo;
                }
            }
        }

        SweptTo = to;
    }

    private void TrackDeclared(IncidentDeclared d)
    {
        Declaration = d;
        PeakSeverity = d.Severity;
        OpenGapCadence = d.Policy.UpdateCadence;
        _vacancy.Clear();
        _tracked.Clear();
        foreach (var role in new[] { Lead }.Concat(d.KeyRoles))
        {
            if (_vacancy.TryAdd(role, TimeSpan.Zero))
            {
                _tracked.Add(role);
            }
        }
    }

    private void TrackSeverity(IncidentEvent e, SeverityChanged d)
    {
        _severities.Add(new SeverityStep(e.At, d.From, d.To, d.Reason, e.Actor));
        PeakSeverity = Math.Min(PeakSeverity, d.To);
        OpenGapCadence = Tightest(OpenGapCadence, d.Policy.UpdateCadence);
    }

    /// <summary>Opens or ends the running update gap when the incident becomes active or stops being active.</summary>
    private void TrackActivity(bool wasActive, DateTimeOffset at)
    {
        if (wasActive && !IsActive && OpenGapSince is { } start)
        {
            EndGap(start, at);
            OpenGapSince = null;
        }
        else if (!wasActive && IsActive)
        {
            (OpenGapSince, OpenGapCadence) = (at, Policy.UpdateCadence);
            ReopenedAt = at;
        }
    }

    private void TrackUpdate(DateTimeOffset at)
    {
        if (IsActive && OpenGapSince is { } start)
        {
            EndGap(start, at);
            (OpenGapSince, OpenGapCadence) = (at, Policy.UpdateCadence);
        }
    }

    /// <summary>Ends the running update gap at <paramref name="at"/> (never before it began, should times go backwards).</summary>
    private void EndGap(DateTimeOffset start, DateTimeOffset at) => _gaps.Add(new UpdateGap(start, at > start ? at : start, OpenGapCadence));

    /// <summary>Starts a tenure unless <paramref name="user"/> already holds the role; ends the previous holder's.</summary>
    private void BeginTenure(DateTimeOffset at, string role, UserRef user, bool isLead)
    {
        var pending = isLead && _pendingHandover is { } h && _handovers[h].To == user ? _pendingHandover : null;
        if (HoldersByRole.TryGetValue(role, out var holder))
        {
            if (holder.User == user)
            {
                return;
            }

            EndTenure(role, at, pending is null ? $"replaced by {user}" : $"handed over to {user}");
        }

        if (pending is { } taken)
        {
            _handovers[taken] = _handovers[taken] with { TakenAt = at };
            _pendingHandover = null;
        }

        _tenures.Add(new RoleTenure(role, user, at, null, null));
        _openTenure[role] = _tenures.Count - 1;
    }

    private void EndTenure(string role, DateTimeOffset at, string how)
    {
        if (_openTenure.Remove(role, out var i))
        {
            _tenures[i] = _tenures[i] with { To = at, Ended = how };
        }
    }

    private void TrackHandover(DateTimeOffset at, HandoverRequested d)
    {
        _handovers.Add(new ReviewHandover(at, d.From, d.To, d.Summary, d.Release, null));
        _pendingHandover = _handovers.Count - 1;
    }

    /// <summary>Notes that <paramref name="user"/> took part (the bot does not count).</summary>
    private void Touch(UserRef user, DateTimeOffset at, bool authored = false)
    {
        if (user.Platform == PlatformNames.System)
        {
            return;
        }

        if (!_people.TryGetValue(user, out var seen))
        {
            _peopleOrder.Add(user);
            seen = (at, 0);
        }

        _people[user] = (seen.First, seen.Events + (authored ? 1 : 0));
    }

    /// <summary>Keeps the event for the timeline with the page it answers, as that page stood then.</summary>
    private void Describe(IncidentEvent e) =>
        _described.Add((e, e.Data switch
        {
            PageAcknowledged p => FindPage(p.PageId),
            PageDeclined p => FindPage(p.PageId),
            PageExpired p => FindPage(p.PageId),

            // An earlier page with the same message: the words leave a repeated message out.
            PageSent p when !string.IsNullOrWhiteSpace(p.Message) => PageList.Find(x => x.Id != p.PageId && x.Message == p.Message),
            _ => null,
        }));

    private static TimelineEntry Entry(IncidentEvent e, Page? page) => e.Data is MessageCaptured m
        ? new TimelineEntry(e.Sequence, m.PostedAt, m.Author, e.Type, IncidentText.Describe(e, page))
        : new TimelineEntry(e.Sequence, e.At, e.Actor, e.Type, IncidentText.Describe(e, page));

    private static TimeSpan? Tightest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
