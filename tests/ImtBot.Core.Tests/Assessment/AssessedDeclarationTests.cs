using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Assessment;

/// <summary><c>declare … question=answer</c>: parsed, the severity suggested, confirmed or overridden, and recorded.</summary>
public class AssessedDeclarationTests
{
    [Fact]
    public void Parse_TrailingAnswers_AreReadWithSeverityAndDrillInAnyOrder()
    {
        var command = Assert.IsType<DeclareCommand>(CommandParser.Parse("declare Checkout down data=yes sev2 Customers=Many drill").Command);

        Assert.Equal("Checkout down", command.Title);
        Assert.Equal(2, command.Severity);
        Assert.True(command.Drill);
        Assert.Equal(new Dictionary<string, string> { ["data"] = "yes", ["customers"] = "many" }, command.Answers);
    }

    [Fact]
    public void Parse_NoAnswers_LeavesThemNull_AndAQuotedPairIsTitle()
    {
        Assert.Null(Assert.IsType<DeclareCommand>(CommandParser.Parse("declare Checkout down sev2").Command).Answers);
        var quoted = Assert.IsType<DeclareCommand>(CommandParser.Parse("declare \"ratio a=b\"").Command);
        Assert.Equal("ratio a=b", quoted.Title);
        Assert.Null(quoted.Answers);
    }

    [Fact]
    public void Declare_AnswersWithoutSeverity_TakesTheSuggestionAndRecordsIt()
    {
        var s = new Scenario();

        var decision = s.Ok(People.Alice, Declare("Checkout down", null, ("data", "yes"), ("customers", "some")));

        Assert.Equal(1, s.Live.Severity);
        Assert.Equal(
            new IncidentAssessed([new AssessmentAnswer("customers", "How many customers are affected?", "some"), new AssessmentAnswer("data", "Is customer or personal data exposed?", "yes")], 1, "data = yes", 1),
            s.Live.Assessment, AssessedComparer.Instance);
        Assert.Contains("SEV1 as the assessment suggests (data = yes).", decision.Reply, StringComparison.Ordinal);
        Assert.IsType<IncidentAssessed>(decision.Events[1]);
    }

    [Fact]
    public void Declare_SeverityGiven_OverridesTheSuggestion_AndBothAreRecorded()
    {
        var s = new Scenario();

        var decision = s.Ok(People.Alice, Declare("Checkout down", 3, ("customers", "many")));

        Assert.Equal(3, s.Live.Severity);
        Assert.Equal((1, 3), (s.Live.Assessment!.Suggested, s.Live.Assessment.Chosen));
        Assert.Contains("The assessment suggests SEV1 (customers = many); declared as SEV3, as chosen.", decision.Reply, StringComparison.Ordinal);
        var review = ReviewWriter.ToMarkdown(s.Events);
        Assert.Contains("## Assessment at declaration", review, StringComparison.Ordinal);
        Assert.Contains("| How many customers are affected? | many |", review, StringComparison.Ordinal);
        Assert.Contains("Severity: SEV1 suggested (customers = many), overridden with SEV3.", review, StringComparison.Ordinal);
        Assert.Contains(s.Live.Timeline, t => t.Text.Contains("assessed the incident (customers = many): SEV1 suggested (customers = many), overridden with SEV3", StringComparison.Ordinal));
    }

    [Fact]
    public void Declare_NoRuleHolds_TakesTheDefaultSeverity()
    {
        var s = new Scenario();

        var decision = s.Ok(People.Alice, Declare("Checkout slow", null, ("data", "unknown")));

        Assert.Equal(s.Options.DefaultSeverity, s.Live.Severity);
        Assert.Null(s.Live.Assessment!.Suggested);
        Assert.Contains("The assessment suggests no severity", decision.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_OfTheFoldedIncident_HasTheAssessment_AsTheReviewOfItsEvents()
    {
        var s = new Scenario();
        s.Ok(People.Alice, Declare("Checkout down", null, ("data", "yes"), ("customers", "some")));

        // review.md is written from the cached fold; the review of the events has always had the assessment.
        var fromFold = ReviewModel.From(Incident.Replay(s.Events));

        Assert.Equal(ReviewModel.From(s.Events).Assessment, fromFold.Assessment, AssessedComparer.Instance);
        Assert.Contains("Assessment", ReviewWriter.ToMarkdown(fromFold), StringComparison.Ordinal);
    }

    [Fact]
    public void Declare_WithoutAnswers_RecordsNoAssessment()
    {
        var s = Scenario.Declared();

        Assert.Null(s.Live.Assessment);
        Assert.DoesNotContain(s.Events, e => e.Data is IncidentAssessed);
        Assert.DoesNotContain("Assessment", ReviewWriter.ToMarkdown(s.Events), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outage", "yes", "`outage` is not an assessment question: answer customers, data, revenue, regulators (e.g. `customers=none`).")]
    [InlineData("data", "maybe", "`maybe` is not an answer to \"Is customer or personal data exposed?\": write data=yes, data=no, data=unknown.")]
    public void Declare_UnknownQuestionOrAnswer_RefusedAndNothingDeclared(string question, string answer, string reason)
    {
        var s = new Scenario();

        var decision = s.No(People.Alice, Declare("Checkout down", null, (question, answer)));

        Assert.Equal(reason, decision.Reply);
        Assert.Empty(s.Events);
    }

    [Fact]
    public void Declare_AssessmentOff_AnswersRefused()
    {
        var s = new Scenario();
        s.Options.Assessment.Enabled = false;

        var decision = s.No(People.Alice, Declare("Checkout down", null, ("data", "yes")));

        Assert.Contains("asks no assessment questions", decision.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_FoldsTheAssessmentLikeTheLiveState()
    {
        var s = new Scenario();
        s.Ok(People.Alice, Declare("Checkout down", 2, ("revenue", "yes")));

        var replayed = Incident.Replay(s.Events);

        Assert.Equal(s.Live.Assessment, replayed.Assessment, AssessedComparer.Instance);
    }

    [Fact]
    public void RoundTrip_ThroughJson_ReplaysTheSameAssessment()
    {
        var s = Assessed();

        var replayed = Incident.Replay(StateFingerprint.RoundTrip(s.Events));

        Assert.Equal(s.Live.Assessment, replayed.Assessment, AssessedComparer.Instance);
        Assert.True(ChainVerifier.Verify(s.Events).Valid);
    }

    /// <summary>An incident declared with answers and an overriding severity.</summary>
    internal static Scenario Assessed()
    {
        var s = new Scenario();
        s.Ok(People.Alice, Declare("Card numbers in debug logs", 2, ("data", "yes"), ("customers", "none")));
        return s;
    }

    private static DeclareCommand Declare(string title, int? severity, params (string Q, string A)[] answers) =>
        new(title, severity, false) { Answers = answers.ToDictionary(a => a.Q, a => a.A, StringComparer.OrdinalIgnoreCase) };

    /// <summary>Records holding lists compare by reference; this compares the answers item by item.</summary>
    private sealed class AssessedComparer : IEqualityComparer<IncidentAssessed?>
    {
        public static readonly AssessedComparer Instance = new();

        public bool Equals(IncidentAssessed? x, IncidentAssessed? y) =>
            x is not null && y is not null && x.Answers.SequenceEqual(y.Answers) && (x.Suggested, x.Because, x.Chosen) == (y.Suggested, y.Because, y.Chosen);

        public int GetHashCode(IncidentAssessed? obj) => 0;
    }
}
