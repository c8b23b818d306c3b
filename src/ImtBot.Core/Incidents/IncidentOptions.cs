using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The <c>Incidents</c> configuration section: severities and their policies, roles, on-call lists, admins.
/// Bound by the host; the domain reads it only at declaration (snapshot) and for org-wide lists.
/// </summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Role names; the first is the mandatory lead. A configured list replaces this one.</summary>
    /// <value>The default is commander, deputy, comms, ops, scribe.</value>
    public List<string> Roles { get; set; } = ["commander", "deputy", "comms", "ops", "scribe"];

    /// <summary>Roles whose vacancy is reported in process adherence and reminded about. A configured list replaces this one.</summary>
    /// <value>The default is commander, comms, ops.</value>
    public List<string> KeyRoles { get; set; } = ["commander", "comms", "ops"];

    /// <summary>Users (ids, any platform) who may change severity, resolve, close, cancel and reopen any incident.</summary>
    /// <value>The default is nobody.</value>
    public List<string> Admins { get; set; } = [];

    /// <summary>On-call list per role (user ids); <c>page &lt;role&gt;</c> pages the first person, escalating down the list.</summary>
    /// <value>The default is no lists.</value>
    public Dictionary<string, List<string>> OnCall { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times an exhausted on-call list is paged again from the top.</summary>
    /// <value>The default is 2 rounds.</value>
    public int PageRounds { get; set; } = 2;

    /// <summary>How long after closing (or cancelling) the incident channel is archived.</summary>
    /// <value>The default is 7 days.</value>
    public TimeSpan ArchiveAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many times one reminder (no commander, an empty key role, no stakeholder update) is sent before it stops
    /// nagging; the count starts again when the condition is met and lost again.
    /// </summary>
    /// <value>The default is 3.</value>
    public int MaxReminders { get; set; } = 3;

    /// <summary>The severity of a declaration that names none.</summary>
    /// <value>The default is 3.</value>
    public int DefaultSeverity { get; set; } = 3;

    /// <summary>Per severity, keyed <c>SEV1</c>…<c>SEV4</c>; a configured value overrides only that value.</summary>
    /// <value>The default is SEV1 (page 5 min, update every 30 min) to SEV4 (page 60 min, no update cadence, no review).</value>
    public Dictionary<string, SeverityPolicy> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SEV1"] = new() { Level = 1, Name = "SEV1", Description = "Critical: customers cannot use the product", PageTimeout = TimeSpan.FromMinutes(5), UpdateCadence = TimeSpan.FromMinutes(30), ReviewWithin = TimeSpan.FromDays(3) },
        ["SEV2"] = new() { Level = 2, Name = "SEV2", Description = "Major: a key feature is down or badly degraded", PageTimeout = TimeSpan.FromMinutes(10), UpdateCadence = TimeSpan.FromMinutes(60), ReviewWithin = TimeSpan.FromDays(5) },
        ["SEV3"] = new() { Level = 3, Name = "SEV3", Description = "Minor: partial degradation with a workaround", PageTimeout = TimeSpan.FromMinutes(30), UpdateCadence = TimeSpan.FromHours(4) },
        ["SEV4"] = new() { Level = 4, Name = "SEV4", Description = "Low: cosmetic or internal only", PageTimeout = TimeSpan.FromMinutes(60), UpdateCadence = null, ReviewRequired = false },
    };

    /// <summary>The declare form's assessment questions and the severity matrix (<c>Incidents:Assessment</c>).</summary>
    /// <value>The default asks four questions (customers, data, revenue, regulators) with a matrix that suggests SEV1…SEV4.</value>
    public Assessment.AssessmentOptions Assessment { get; set; } = new();

    public SeverityPolicy PolicyFor(int level) =>
        Policies.TryGetValue("SEV" + level, out var p) ? p with { Level = level, Name = string.IsNullOrEmpty(p.Name) ? "SEV" + level : p.Name }
        : new SeverityPolicy { Level = level, Name = "SEV" + level };

    public bool IsAdmin(UserRef user) => Admins.Contains(user.Id, StringComparer.Ordinal);
}
