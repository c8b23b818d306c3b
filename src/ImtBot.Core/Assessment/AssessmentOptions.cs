namespace ImtBot.Core.Assessment;

/// <summary>
/// <c>Incidents:Assessment</c>: the questions the declare form asks and the severity matrix that turns the answers into
/// a suggested severity. A configured <c>Questions</c> or <c>Matrix</c> list replaces the default one.
/// </summary>
public sealed class AssessmentOptions
{
    /// <summary>Whether the declare form asks the questions at all.</summary>
    /// <value>The default is true.</value>
    public bool Enabled { get; set; } = true;

    /// <value>The default asks whether customers are affected, data exposed, revenue at risk and regulators involved.</value>
    public List<AssessmentQuestion> Questions { get; set; } =
    [
        new() { Id = "customers", Text = "How many customers are affected?", Answers = ["none", "some", "many", "unknown"] },
        new() { Id = "data", Text = "Is customer or personal data exposed?" },
        new() { Id = "revenue", Text = "Is revenue at risk (payments, orders, sign-ups)?" },
        new() { Id = "regulators", Text = "Must regulators or auditors be told?" },
    ];

    /// <value>The default: data exposed, many customers or regulators → SEV1; revenue at risk or some customers → SEV2; no customers → SEV4.</value>
    public List<SeverityRule> Matrix { get; set; } =
    [
        Rule("data", "yes", "SEV1"),
        Rule("customers", "many", "SEV1"),
        Rule("regulators", "yes", "SEV1"),
        Rule("revenue", "yes", "SEV2"),
        Rule("customers", "some", "SEV2"),
        Rule("customers", "none", "SEV4"),
    ];

    /// <summary>The question with this id (case-insensitive), or null.</summary>
    public AssessmentQuestion? Find(string id) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, id, StringComparison.OrdinalIgnoreCase));

    private static SeverityRule Rule(string question, string answer, string severity) =>
        new() { When = new(StringComparer.OrdinalIgnoreCase) { [question] = answer }, Severity = severity };
}
