using ImtBot.Core.Compliance;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>The regulatory part of the fold: regimes, decisions, submissions and the reminders sent.</summary>
public sealed partial class Incident
{
    private readonly Dictionary<string, RegimeRecord> _regimes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _regimeOrder = [];
    private readonly List<ComplianceDecision> _complianceDecisions = [];
    private readonly List<Submission> _submissions = [];
    private readonly Dictionary<string, DateTimeOffset> _remindedUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IncidentEvent> _applied = [];

    /// <summary>When the last event happened (the declaration time before any).</summary>
    public DateTimeOffset LastEventAt => _applied.Count > 0 ? _applied[^1].At : DeclaredAt;

    /// <summary>The events folded so far, so a decision can preview the incident after its own events.</summary>
    internal IReadOnlyList<IncidentEvent> Replayed => _applied;

    private ChainVerification? _chain;

    /// <summary>
    /// The hash chain of the events folded, recomputed once per fold: a cached fold is never changed, so every review of
    /// the same version shares one check instead of re-hashing 10,000 events per request.
    /// </summary>
    internal ChainVerification Chain => _chain ??= ChainVerifier.Verify(_applied);

    /// <summary>The regimes on record, in the order they were first named.</summary>
    public IReadOnlyList<RegimeRecord> RegulatoryRegimes => _regimeOrder.Select(id => _regimes[id]).ToArray();

    /// <summary>Every compliance decision, in order.</summary>
    public IReadOnlyList<ComplianceDecision> ComplianceDecisions => _complianceDecisions;

    /// <summary>Every recorded submission, in order.</summary>
    public IReadOnlyList<Submission> Submissions => _submissions;

    /// <summary>When the incident was classified as major (first time), or null.</summary>
    public DateTimeOffset? ClassifiedMajorAt { get; private set; }

    /// <summary>When the incident was determined to be material (first time), or null.</summary>
    public DateTimeOffset? MaterialAt { get; private set; }

    /// <summary>The latest reminder point already told for one stage's clock (later points only are still to come).</summary>
    internal DateTimeOffset? RemindedUntil(string regime, string stage) =>
        _remindedUntil.TryGetValue(regime + "/" + stage, out var at) ? at : null;

    /// <summary>The first submission of a stage (a later one is a correction and does not move the clocks after it).</summary>
    public Submission? SubmissionOf(string regime, string stage) =>
        _submissions.FirstOrDefault(s => string.Equals(s.Regime, regime, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Stage, stage, StringComparison.OrdinalIgnoreCase));

    public RegimeRecord? Regime(string id) => _regimes.GetValueOrDefault(id);

    private void ApplyCompliance(IncidentEvent e)
    {
        switch (e.Data)
        {
            case RegimeStarted d:
                if (!_regimes.ContainsKey(d.Regime))
                {
                    _regimeOrder.Add(d.Regime);
                }

                _regimes[d.Regime] = new RegimeRecord(d.Regime, d.Rule, true, d.AwareAt);
                _complianceDecisions.Add(new ComplianceDecision(e.At, e.Actor, $"{d.Rule.Name} applies; aware since {ComplianceText.Time(d.AwareAt)}", d.Reason));
                break;
            case RegimeNotApplicable d:
                if (_regimes.TryGetValue(d.Regime, out var record))
                {
                    _regimes[d.Regime] = record with { Applies = false };
                }

                _complianceDecisions.Add(new ComplianceDecision(e.At, e.Actor, $"{(record?.Rule.Name ?? d.Regime)} does not apply", d.Reason));
                break;
            case IncidentClassified d:
                ClassifiedMajorAt ??= e.At;
                _complianceDecisions.Add(new ComplianceDecision(e.At, e.Actor, $"classified as {d.Classification}", d.Reason));
                break;
            case MaterialityDetermined d:
                MaterialAt ??= e.At;
                _complianceDecisions.Add(new ComplianceDecision(e.At, e.Actor, "determined material", d.Reason));
                break;
            case RegulatorNotified d:
                _submissions.Add(new Submission(d.Regime, d.Stage, e.At, e.Actor, d.Reference, d.Note));
                break;
            case ComplianceReminderSent d:
                _remindedUntil[d.Regime + "/" + d.Stage] = e.At;
                break;
        }
    }
}
