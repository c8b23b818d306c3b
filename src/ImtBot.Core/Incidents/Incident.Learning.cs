using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>
/// What the post-incident review needs beyond the response itself: when the lead was first held, the first real page
/// acknowledgement, the policy of the peak severity, and the notes typed when the cause was identified and when the
/// impact stopped (they pre-fill the review's cause and resolution).
/// </summary>
public sealed partial class Incident
{
    private readonly List<Note> _causeNotes = [];
    private readonly List<Note> _resolutionNotes = [];
    private readonly Dictionary<string, ReviewText> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the impact began, if recorded with <c>impact</c>.</summary>
    public DateTimeOffset? ImpactBegan { get; private set; }

    /// <summary>What the impact was, as recorded with <c>impact</c>, with who wrote it and when.</summary>
    public Note? ImpactDescription { get; private set; }

    /// <summary>When the problem was detected, if recorded with <c>detected</c>.</summary>
    public DateTimeOffset? DetectedAt { get; private set; }

    /// <summary>The review's sections written in words (<see cref="Reviews.ReviewSections"/>), by section.</summary>
    public IReadOnlyDictionary<string, ReviewText> Written => _written;

    /// <summary>The policy of <see cref="PeakSeverity"/>: whether a review is required follows the worst the incident got.</summary>
    public SeverityPolicy PeakPolicy { get; private set; } = new();

    /// <summary>When the lead role was first held, by anyone (the declarer included).</summary>
    public DateTimeOffset? CommandedAt { get; private set; }

    /// <summary>When a paged person first acknowledged a page.</summary>
    public DateTimeOffset? FirstPageAcknowledgedAt { get; private set; }

    /// <summary>The notes given with each move to Identified, in order.</summary>
    public IReadOnlyList<Note> CauseNotes => _causeNotes;

    /// <summary>The notes given with each move to Mitigated or Resolved, in order.</summary>
    public IReadOnlyList<Note> ResolutionNotes => _resolutionNotes;

    /// <summary>Runs after <see cref="Fold"/> has applied the event, so the peak severity is already up to date.</summary>
    private void Learn(IncidentEvent e)
    {
        switch (e.Data)
        {
            case IncidentDeclared d:
                PeakPolicy = d.Policy;
                break;
            case SeverityChanged d when d.To <= PeakSeverity:
                PeakPolicy = d.Policy;
                break;
            case RoleAssigned d when string.Equals(d.Role, Lead, StringComparison.OrdinalIgnoreCase):
                CommandedAt ??= e.At;
                break;
            case PageAcknowledged:
                FirstPageAcknowledgedAt ??= e.At;
                break;
            case ImpactRecorded d:
                ImpactBegan = d.Began;
                ImpactDescription = string.IsNullOrWhiteSpace(d.Description) ? ImpactDescription : new Note(e.At, e.Actor, d.Description.Trim());
                break;
            case DetectionRecorded d:
                DetectedAt = d.At;
                break;
            case ReviewTextWritten d:
                _written[d.Section] = _written.TryGetValue(d.Section, out var before)
                    ? new ReviewText(d.Text, before.Authors.Contains(e.Actor) ? before.Authors : [.. before.Authors, e.Actor], e.At)
                    : new ReviewText(d.Text, [e.Actor], e.At);
                break;
            case ActionAssigned d when ActionList.FindIndex(a => a.Id == d.ActionId) is var i and >= 0:
                ActionList[i] = ActionList[i] with { Owner = d.Owner };
                break;
            case ActionCancelled d when ActionList.FindIndex(a => a.Id == d.ActionId && a.IsOpen) is var i and >= 0:
                ActionList[i] = ActionList[i] with { CancelledAt = e.At, CancelReason = d.Reason };
                break;
            case StatusChanged { To: IncidentStatus.Identified, Note: { } note } when !string.IsNullOrWhiteSpace(note):
                _causeNotes.Add(new Note(e.At, e.Actor, note.Trim()));
                break;
            case StatusChanged { To: IncidentStatus.Mitigated or IncidentStatus.Resolved, Note: { } note } when !string.IsNullOrWhiteSpace(note):
                _resolutionNotes.Add(new Note(e.At, e.Actor, note.Trim()));
                break;
        }
    }
}
