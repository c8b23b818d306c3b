using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>
/// One pass over the events: a clock sweeps from event to event, charging active time to vacant key roles and to the
/// running update gap, while each event updates the milestones, roles, pages, actions and the timeline.
/// </summary>
internal sealed class ReviewModelBuilder(IReadOnlyList<IncidentEvent> events)
{
    private readonly Dictionary<string, (UserRef User, int Tenure)> _holders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> _vacancy = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RoleTenure> _tenures = [];
    private readonly List<ReviewHandover> _handovers = [];
    private readonly List<SeverityStep> _severities = [];
    private readonly List<ReviewUpdate> _updates = [];
    private readonly List<UpdateGap> _gaps = [];
    private readonly Dictionary<string, ReviewPage> _pages = new(StringComparer.Ordinal);
    private readonly List<string> _pageOrder = [];
    private readonly Dictionary<int, ReviewAction> _actions = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly Dictionary<UserRef, (DateTimeOffset First, int Events)> _people = [];
    private readonly List<UserRef> _peopleOrder = [];

    private IncidentDeclared _declared = new("(the log does not start with a declaration)", 0, IncidentKind.Normal,
        new ChannelRef(PlatformNames.System, "unknown"), new SeverityPolicy(), ["commander"], [], [], null);
    private UserRef _declaredBy = UserRef.System;
    private IncidentStatus _status = IncidentStatus.Declared;
    private int _severity;
    private int _peak;
    private SeverityPolicy _policy = new();
    private DateTimeOffset _clock;
    private DateTimeOffset? _acknowledged, _mitigated, _resolved, _closed, _cancelled;
    private DateTimeOffset? _gapStart;
    private TimeSpan? _gapCadence;
    private int? _pendingHandover;

    private string Lead => _declared.Roles.Count > 0 ? _declared.Roles[0] : "commander";

    private bool Active => _status is IncidentStatus.Declared or IncidentStatus.Investigating or IncidentStatus.Identified or IncidentStatus.Mitigated;

    public ReviewModel Build(DateTimeOffset? asOf)
    {
        var first = events[0];
        if (first.Data is IncidentDeclared declared)
        {
            _declared = declared;
        }

        _declaredBy = first.Actor;
        _severity = _peak = _declared.Severity;
        _policy = _declared.Policy;
        _clock = first.At;
        _gapStart = first.At;
        _gapCadence = _policy.UpdateCadence;
        foreach (var role in new[] { Lead }.Concat(_declared.KeyRoles))
        {
            _vacancy.TryAdd(role, TimeSpan.Zero);
        }

        foreach (var e in events)
        {
            Advance(e.At);
            Touch(e.Actor, e.At, authored: true);
            Apply(e);
            _timeline.Add(new TimelineEntry(e.Sequence, e.At, e.Actor, e.Type, TimelineText.Describe(e, _pages)));
        }

        var end = asOf ?? _closed ?? _cancelled ?? events[^1].At;
        Advance(end);
        if (_gapStart is { } start)
        {
            _gaps.Add(new UpdateGap(start, end > start ? end : start, _gapCadence));
        }

        return Model(first, end);
    }

    private ReviewModel Model(IncidentEvent first, DateTimeOffset end) => new()
    {
        Incident = first.Incident,
        Title = _declared.Title,
        Kind = _declared.Kind,
        Scenario = _declared.Scenario,
        Status = _status,
        Severity = _severity,
        Policy = _policy,
        InitialSeverity = _declared.Severity,
        DeclaredPolicy = _declared.Policy,
        PeakSeverity = _peak,
        DeclaredBy = _declaredBy,
        Origin = _declared.Origin,
        Lead = Lead,
        KeyRoleNames = _declared.KeyRoles,
        Milestones = new Milestones(first.At, _acknowledged, _mitigated, _resolved, _closed, _cancelled),
        AsOf = end,
        SeverityHistory = _severities,
        Roles = _tenures,
        Handovers = _handovers,
        Responders = _peopleOrder.Select(Responder).ToList(),
        Updates = _updates,
        Pages = _pageOrder.Select(id => _pages[id]).ToList(),
        Actions = _actions.Values.OrderBy(a => a.Id).ToList(),
        Timeline = _timeline,
        Adherence = new ProcessAdherence(
            _vacancy[Lead],
            _declared.KeyRoles.Select(r => new RoleVacancy(r, _vacancy[r])).ToList(),
            _gaps,
            _pageOrder.Select(id => _pages[id]).Where(p => p.Outcome is PageStatus.Declined or PageStatus.Expired).ToList()),
        Audit = ChainVerifier.Verify(events),
    };

    private Responder Responder(UserRef user) => new(
        user,
        _people[user].First,
        _tenures.Where(t => t.User == user).Select(t => t.Role).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        _people[user].Events);

    /// <summary>Moves the clock to <paramref name="to"/>, charging active time to every vacant tracked role.</summary>
    private void Advance(DateTimeOffset to)
    {
        if (to <= _clock)
        {
            return;
        }

        if (Active)
        {
            foreach (var role in _vacancy.Keys.Where(r => !_holders.ContainsKey(r)).ToList())
            {
                _vacancy[role] += to - _clock;
            }
        }

        _clock = to;
    }

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

    private void Apply(IncidentEvent e)
    {
        switch (e.Data)
        {
            case StatusChanged s:
                Status(e.At, s.To);
                break;
            case SeverityChanged s:
                _severities.Add(new SeverityStep(e.At, s.From, s.To, s.Reason, e.Actor));
                (_severity, _peak, _policy) = (s.To, Math.Min(_peak, s.To), s.Policy);
                _gapCadence = Tightest(_gapCadence, s.Policy.UpdateCadence);
                break;
            case RoleAssigned r:
                Assign(e.At, r.Role, r.User);
                break;
            case RoleReleased r:
                Release(e.At, r.Role, r.User, r.Reason);
                break;
            case HandoverRequested h:
                _handovers.Add(new ReviewHandover(e.At, h.From, h.To, h.Summary, h.Release, null));
                _pendingHandover = _handovers.Count - 1;
                break;
            case PageSent p:
                _pageOrder.Add(p.PageId);
                _pages[p.PageId] = new ReviewPage(p.PageId, p.To, p.Role, e.At, p.Deadline, p.Round, PageStatus.Paged, null);
                break;
            case PageAcknowledged p:
                _acknowledged ??= e.At;
                Answer(p.PageId, PageStatus.Acknowledged, e.At);
                break;
            case PageDeclined p:
                Answer(p.PageId, PageStatus.Declined, e.At);
                break;
            case PageExpired p:
                Answer(p.PageId, PageStatus.Expired, e.At);
                break;
            case UpdatePosted u:
                Update(e, u.Text);
                break;
            case ActionAdded a:
                _actions[a.ActionId] = new ReviewAction(a.ActionId, a.Text, a.Owner, a.Due, e.At, null);
                break;
            case ActionCompleted a when _actions.TryGetValue(a.ActionId, out var action) && !action.Done:
                _actions[a.ActionId] = action with { DoneAt = e.At };
                break;
            case ParticipantJoined p:
                Touch(p.User, e.At);
                break;
        }
    }

    private void Status(DateTimeOffset at, IncidentStatus to)
    {
        var wasActive = Active;
        var from = _status;
        _status = to;
        switch (to)
        {
            case IncidentStatus.Mitigated:
                _mitigated ??= at;
                break;
            case IncidentStatus.Resolved:
                _mitigated ??= at;
                _resolved = at;
                break;
            case IncidentStatus.Closed:
                _closed = at;
                break;
            case IncidentStatus.Cancelled:
                _cancelled = at;
                break;
            default:
                if (from == IncidentStatus.Resolved)
                {
                    _resolved = null;
                }

                break;
        }

        if (wasActive && !Active && _gapStart is { } start)
        {
            _gaps.Add(new UpdateGap(start, at, _gapCadence));
            _gapStart = null;
        }
        else if (!wasActive && Active)
        {
            (_gapStart, _gapCadence) = (at, _policy.UpdateCadence);
        }
    }

    private void Update(IncidentEvent e, string text)
    {
        _updates.Add(new ReviewUpdate(e.At, e.Actor, text));
        if (Active && _gapStart is { } start)
        {
            _gaps.Add(new UpdateGap(start, e.At, _gapCadence));
            (_gapStart, _gapCadence) = (e.At, _policy.UpdateCadence);
        }
    }

    private void Assign(DateTimeOffset at, string role, UserRef user)
    {
        Touch(user, at);
        var isLead = string.Equals(role, Lead, StringComparison.OrdinalIgnoreCase);
        if (isLead)
        {
            _acknowledged ??= at;
        }

        if (_holders.TryGetValue(role, out var holder))
        {
            if (holder.User == user)
            {
                return;
            }

            var handedOver = isLead && _pendingHandover is { } h && _handovers[h].To == user;
            End(holder.Tenure, at, handedOver ? $"handed over to {user}" : $"replaced by {user}");
        }

        if (isLead && _pendingHandover is { } pending && _handovers[pending].To == user)
        {
            _handovers[pending] = _handovers[pending] with { TakenAt = at };
            _pendingHandover = null;
        }

        _tenures.Add(new RoleTenure(role, user, at, null, null));
        _holders[role] = (user, _tenures.Count - 1);
    }

    private void Release(DateTimeOffset at, string role, UserRef user, string? reason)
    {
        if (_holders.TryGetValue(role, out var holder) && holder.User == user)
        {
            End(holder.Tenure, at, string.IsNullOrWhiteSpace(reason) ? "released" : $"released: {reason}");
            _holders.Remove(role);
        }
    }

    private void End(int tenure, DateTimeOffset at, string how) => _tenures[tenure] = _tenures[tenure] with { To = at, Ended = how };

    private void Answer(string pageId, PageStatus outcome, DateTimeOffset at)
    {
        if (_pages.TryGetValue(pageId, out var page) && page.Outcome == PageStatus.Paged)
        {
            _pages[pageId] = page with { Outcome = outcome, AnsweredAt = at };
            if (outcome == PageStatus.Acknowledged)
            {
                Touch(page.To, at);
            }
        }
    }

    private static TimeSpan? Tightest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
