using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>
/// The post-incident review as data, read off the incident's one fold of its events (<see cref="From"/>, which
/// replays <see cref="Incidents.Incident"/>), so it agrees with the cards and the API: milestones and durations,
/// who held which role when, updates, pages, actions, process adherence and the audit result. <see cref="ReviewWriter"/>
/// renders it as Markdown; cards (the review summary card) can bind to it directly.
/// </summary>
public sealed record ReviewModel
{
    public required int Incident { get; init; }
    public string Key => IncidentKey.Format(Incident);
    public required string Title { get; init; }
    public required IncidentKind Kind { get; init; }
    public bool IsDrill => Kind == IncidentKind.Drill;
    public string? Scenario { get; init; }
    public required IncidentStatus Status { get; init; }

    /// <summary>The severity at the end of the log, with the policy in force then.</summary>
    public required int Severity { get; init; }
    public required SeverityPolicy Policy { get; init; }
    public required int InitialSeverity { get; init; }

    /// <summary>The policy snapshotted at declaration (the page timeout the first pages ran under).</summary>
    public required SeverityPolicy DeclaredPolicy { get; init; }

    /// <summary>The most severe level reached (the lowest number).</summary>
    public required int PeakSeverity { get; init; }

    /// <summary>The policy of the peak severity: a review is required when the worst the incident got requires one.</summary>
    public SeverityPolicy PeakPolicy { get; init; } = new();

    /// <summary>The notes typed with each move to Identified (they pre-fill the cause).</summary>
    public IReadOnlyList<Note> CauseNotes { get; init; } = [];

    /// <summary>The notes typed with each move to Mitigated or Resolved (they pre-fill the resolution).</summary>
    public IReadOnlyList<Note> ResolutionNotes { get; init; } = [];

    /// <summary>What the impact was, as recorded with <c>impact</c>.</summary>
    public Note? ImpactDescription { get; init; }

    /// <summary>The sections written in words, by <see cref="ReviewSections"/> name.</summary>
    public IReadOnlyDictionary<string, ReviewText> Written { get; init; } = new Dictionary<string, ReviewText>();

    /// <summary>How the pages ended, counted as the review card counts them.</summary>
    public PageTally PageTally => PageTally.Of(Pages.Select(p => p.Outcome));
    public required UserRef DeclaredBy { get; init; }
    public required ChannelRef Origin { get; init; }

    /// <summary>The lead role's name (the first configured role, snapshotted at declaration).</summary>
    public required string Lead { get; init; }
    public required IReadOnlyList<string> KeyRoleNames { get; init; }
    public required Milestones Milestones { get; init; }

    /// <summary>The moment open intervals are measured to: the close (or cancel), else the last event, unless given.</summary>
    public required DateTimeOffset AsOf { get; init; }
    public required IReadOnlyList<SeverityStep> SeverityHistory { get; init; }
    public required IReadOnlyList<RoleTenure> Roles { get; init; }
    public required IReadOnlyList<ReviewHandover> Handovers { get; init; }
    public required IReadOnlyList<Responder> Responders { get; init; }
    public required IReadOnlyList<ReviewUpdate> Updates { get; init; }
    public required IReadOnlyList<ReviewPage> Pages { get; init; }
    public required IReadOnlyList<ReviewAction> Actions { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public required ProcessAdherence Adherence { get; init; }
    public required ChainVerification Audit { get; init; }

    /// <summary>The response plan that ran and how it went; null for an incident without a plan.</summary>
    public ReviewPlan? Plan { get; init; }
    /// <summary>Regimes, compliance decisions and each stage's deadline against its submission (empty when none is on record).</summary>
    public ComplianceReview Compliance { get; init; } = ComplianceReview.None;

    /// <summary>The declaration's assessment (answers, suggested and chosen severity); null when declared without one.</summary>
    public IncidentAssessed? Assessment { get; init; }

    /// <summary>The lead role's holder at the end of the log, if any.</summary>
    public UserRef? Commander => Roles.LastOrDefault(r => r.To is null && string.Equals(r.Role, Lead, StringComparison.OrdinalIgnoreCase))?.User;

    /// <summary>Computes the review from an incident's events (in sequence order; the first is <see cref="IncidentDeclared"/>).</summary>
    /// <param name="asOf">Where open intervals end; by default the close (or cancel), else the last event's time.</param>
    /// <exception cref="ArgumentException">No events: there is nothing to review.</exception>
    public static ReviewModel From(IReadOnlyList<IncidentEvent> events, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An incident has at least its declaration; no events were given.", nameof(events));
        }

        return From(Incidents.Incident.Replay(events), asOf);
    }

    /// <summary>As <see cref="From(IReadOnlyList{IncidentEvent}, DateTimeOffset?)"/>, from an incident already folded (not replayed again).</summary>
    public static ReviewModel From(Incidents.Incident incident, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Replayed.Count == 0)
        {
            throw new ArgumentException("An incident has at least its declaration; this one has no events.", nameof(incident));
        }

        var review = new ReviewModelBuilder(incident, incident.Replayed).Build(asOf);
        return review with { Compliance = ComplianceReview.Of(incident, review.AsOf), Assessment = incident.Assessment };
    }
}
