using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>
/// The review read off the folded incident (<see cref="Incidents.Incident"/>): the fold already holds the milestones, role
/// tenures, hand-overs, pages, update gaps and timeline; this only ends the intervals still open at the moment the review
/// is measured to, and checks the chain.
/// </summary>
internal sealed class ReviewModelBuilder(Incident state, IReadOnlyList<IncidentEvent> events)
{
    /// <summary>What the review says of a log that does not start with a declaration.</summary>
    private static readonly IncidentDeclared Undeclared = new("(the log does not start with a declaration)", 0, IncidentKind.Normal,
        new ChannelRef(PlatformNames.System, "unknown"), new SeverityPolicy(), ["commander"], [], [], null);

    public ReviewModel Build(DateTimeOffset? asOf)
    {
        var first = events[0];
        var declared = first.Data as IncidentDeclared ?? Undeclared;
        var end = asOf ?? state.ClosedAt ?? state.CancelledAt ?? events[^1].At;
        var vacancy = Vacancy(end);
        var pages = state.Pages.Select(p => new ReviewPage(p.Id, p.To, p.Role, p.SentAt, p.Deadline, p.Round, p.Status, p.AnsweredAt)).ToList();
        return new ReviewModel
        {
            Incident = first.Incident,
            Title = declared.Title,
            Kind = state.Kind,
            Scenario = state.Scenario,
            Status = state.Status,
            Severity = state.Severity,
            Policy = state.Policy,
            InitialSeverity = declared.Severity,
            DeclaredPolicy = declared.Policy,
            PeakSeverity = state.PeakSeverity,
            DeclaredBy = first.Actor,
            Origin = declared.Origin,
            Lead = state.Lead,
            KeyRoleNames = state.KeyRoles,
            Milestones = new Milestones(first.At, state.AcknowledgedAt, state.MitigatedAt, state.ResolvedAt, state.ClosedAt, state.CancelledAt)
            {
                Commanded = state.CommandedAt,
                ImpactBegan = state.ImpactBegan,
                Detected = state.DetectionTime,
                DetectedByAlert = state.DetectedByFirstAlert is not null,
            },
            ImpactDescription = state.ImpactDescription,
            Written = state.Written,
            PeakPolicy = state.PeakPolicy,
            CauseNotes = state.CauseNotes,
            ResolutionNotes = state.ResolutionNotes,
            AsOf = end,
            SeverityHistory = state.SeverityHistory,
            Roles = state.Tenures,
            Handovers = state.Handovers,
            Responders = state.People.Select(Responder).ToList(),
            Updates = state.Updates.Select(u => new ReviewUpdate(u.At, u.By, u.Text)).ToList(),
            Pages = pages,
            Actions = state.Actions.OrderBy(a => a.Id).Select(a => new ReviewAction(a.Id, a.Text, a.Owner, a.Due, a.CreatedAt, a.DoneAt) { CancelledAt = a.CancelledAt, CancelReason = a.CancelReason }).ToList(),
            Timeline = state.Timeline,
            Plan = ReviewPlan.From(state),
            Adherence = new ProcessAdherence(
                vacancy[state.Lead],
                state.KeyRoles.Select(r => new RoleVacancy(r, vacancy[r])).ToList(),
                Gaps(end),
                pages.Where(p => p.Outcome is PageStatus.Expired).ToList()),
            Audit = ReferenceEquals(events, state.Replayed) ? state.Chain : ChainVerifier.Verify(events),
        };
    }

    /// <summary>Each tracked role's empty active time, with the stretch from the last event to <paramref name="end"/> added.</summary>
    private Dictionary<string, TimeSpan> Vacancy(DateTimeOffset end)
    {
        var tail = end > state.SweptTo && state.IsActive ? end - state.SweptTo : TimeSpan.Zero;
        return state.Vacancy.ToDictionary(
            v => v.Key,
            v => state.Roles.ContainsKey(v.Key) ? v.Value : v.Value + tail,
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The ended update gaps, and the running one ended at <paramref name="end"/> (never before it began).</summary>
    private List<UpdateGap> Gaps(DateTimeOffset end) =>
        state.OpenGapSince is { } start
            ? [.. state.ClosedGaps, new UpdateGap(start, end > start ? end : start, state.OpenGapCadence)]
            : [.. state.ClosedGaps];

    private Responder Responder(UserRef user)
    {
        var (first, authored) = state.Seen(user);
        var roles = state.Tenures.Where(t => t.User == user).Select(t => t.Role).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new Responder(user, first, roles, authored);
    }
}
