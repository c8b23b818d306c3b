using System.Text.Json;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>Everything an incident state holds, public and internal, as JSON, so two states can be compared whole.</summary>
internal static class StateFingerprint
{
    public static string Of(Incident s) => JsonSerializer.Serialize(
        new
        {
            s.Number, s.Title, s.Summary, s.Impact, s.Severity, s.Kind, s.Status, s.Scenario, s.Origin, s.DeclaredBy,
            s.DeclaredAt, s.AcknowledgedAt, s.MitigatedAt, s.ResolvedAt, s.ClosedAt, s.Policy, s.RoleNames, s.KeyRoles,
            s.Admins, Roles = s.Roles.OrderBy(r => r.Key).ToArray(), s.Pages, s.Updates, s.Notes, s.Actions, s.Participants,
            s.Version, s.Head, s.PageRounds, OnCall = s.OnCallByRole.OrderBy(r => r.Key).ToArray(),
            Purposes = s.PurposeByPage.OrderBy(r => r.Key).ToArray(), Handovers = s.HandoverByPage.OrderBy(r => r.Key).ToArray(),
            s.UnlinkedHandover, Vacant = s.VacantSince.OrderBy(r => r.Key).ToArray(), Sent = s.ReminderLastSent.OrderBy(r => r.Key).ToArray(),
            Counts = s.ReminderCount.OrderBy(r => r.Key).ToArray(), Snoozed = s.SnoozedUntil.OrderBy(r => r.Key).ToArray(),
            Messages = s.CapturedMessages.OrderBy(r => r.Key).ToArray(), s.LastUpdateAt,
            s.Declaration, s.CancelledAt, s.PeakSeverity, s.SeverityHistory, s.Tenures, HandoverHistory = s.Handovers, s.People,
            Seen = s.People.Select(p => s.Seen(p).ToString()).ToArray(), s.Timeline, s.ClosedGaps, s.OpenGapSince, s.OpenGapCadence,
            Vacancy = s.Vacancy.OrderBy(r => r.Key).ToArray(), s.SweptTo,
            s.RegulatoryRegimes, s.ComplianceDecisions, s.Submissions, s.ClassifiedMajorAt, s.MaterialAt,
        },
        EventChain.JsonOptions);

    /// <summary>The events as the store keeps them: data through its JSON form and back.</summary>
    public static IReadOnlyList<IncidentEvent> RoundTrip(IEnumerable<IncidentEvent> events) =>
        events.Select(e => e with { Data = EventChain.DeserializeData(EventChain.SerializeData(e.Data)) }).ToArray();
}
