using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>
/// One pass over the events: a clock sweeps from event to event, charging active time to vacant key roles and to the
/// running update gap, while each event updates the milestones, roles, pages, actions and the timeline.
/// </summary>
internal sealed partial class ReviewModelBuilder(IReadOnlyList<IncidentEvent> events)
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
            _timeline.Add(e.Data is MessageCaptured m
                ? new TimelineEntry(e.Sequence, m.PostedAt, m.Author, e.Type, TimelineText.Describe(e, _pages))
                : new TimelineEntry(e.Sequence, e.At, e.Actor, e.Type, TimelineText.Describe(e, _pages)));
        }

        var end = asOf ?? _closed ?? _cancelled ?? events[^1].At;
        Advance(end);
        if (_gapStart is { } start)
        {
            CloseGap(start, end);
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
        Timeline = _timeline.OrderBy(t => t.At).ToList(),
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

    /// <summary>Ends the running update gap at <paramref name="at"/> (never before it began, should times go backwards).</summary>
    private void CloseGap(DateTimeOffset start, DateTimeOffset at) => _gaps.Add(new UpdateGap(start, at > start ? at : start, _gapCadence));

    private static TimeSpan? Tightest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
