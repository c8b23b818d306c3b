using ImtBot.Core.Assessment;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Assessment;

/// <summary>The severity matrix and the start-up check of <c>Incidents:Assessment</c>.</summary>
public class SeverityMatrixTests
{
    private static readonly AssessmentOptions Defaults = new();

    [Theory]
    [InlineData("data=yes", 1, "data = yes")]
    [InlineData("customers=many", 1, "customers = many")]
    [InlineData("regulators=yes,revenue=yes", 1, "regulators = yes")]
    [InlineData("revenue=yes,customers=none", 2, "revenue = yes")]
    [InlineData("customers=some", 2, "customers = some")]
    [InlineData("customers=none,data=no", 4, "customers = none")]
    [InlineData("customers=none,data=yes", 1, "data = yes")]
    public void Suggest_TheMostSevereRuleThatHolds(string answers, int severity, string because)
    {
        var suggestion = SeverityMatrix.Suggest(Defaults, Answers(answers));

        Assert.Equal(new SeveritySuggestion(severity, because), suggestion);
    }

    [Theory]
    [InlineData("data=no,revenue=no,regulators=no,customers=unknown")]
    [InlineData("data=unknown")]
    public void Suggest_NoRuleHolds_SuggestsNothing(string answers) =>
        Assert.Null(SeverityMatrix.Suggest(Defaults, Answers(answers)));

    [Fact]
    public void Suggest_RuleWithTwoAnswers_NeedsBoth()
    {
        var options = new AssessmentOptions
        {
            Matrix = [new SeverityRule { When = new(StringComparer.OrdinalIgnoreCase) { ["customers"] = "some", ["revenue"] = "yes" }, Severity = "SEV1" }],
        };

        Assert.Null(SeverityMatrix.Suggest(options, Answers("customers=some")));
        Assert.Equal(1, SeverityMatrix.Suggest(options, Answers("customers=some,revenue=yes"))!.Severity);
    }

    [Fact]
    public void Validate_Defaults_HaveNoProblem() =>
        Assert.Empty(new IncidentOptionsValidator().Validate(null, new IncidentOptions()).Failures ?? []);

    [Fact]
    public void Validate_BadMatrixAndQuestions_ListsEveryProblemWithWhatWouldWork()
    {
        var options = new IncidentOptions();
        options.Assessment.Questions.Add(new AssessmentQuestion { Id = "Data Lost", Text = "" });
        options.Assessment.Questions.Add(new AssessmentQuestion { Id = "data", Text = "Again?", Answers = ["yes"] });
        options.Assessment.Matrix.Add(new SeverityRule { When = new() { ["outage"] = "yes" }, Severity = "SEV9" });
        options.Assessment.Matrix.Add(new SeverityRule { When = new() { ["data"] = "maybe" }, Severity = "SEV1" });
        options.Assessment.Matrix.Add(new SeverityRule { Severity = "SEV2" });

        var failures = new IncidentOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(
        [
            "Incidents:Assessment:Questions:4:Id is \"Data Lost\": give one lower-case word (letters, digits, - or _), e.g. customers.",
            "Incidents:Assessment:Questions:4:Text is empty: write the question the declare form asks.",
            "Incidents:Assessment:Questions:5:Id \"data\" is used by an earlier question: give each question its own id.",
            "Incidents:Assessment:Questions:5:Answers has 1 answers: give between 2 and 10, e.g. none, some, many, unknown (or none for yes, no, unknown).",
            "Incidents:Assessment:Matrix:6:Severity is \"SEV9\", which is not a configured severity: use one of SEV1, SEV2, SEV3, SEV4.",
            "Incidents:Assessment:Matrix:6:When names the question \"outage\", which Incidents:Assessment:Questions does not have: use one of customers, data, revenue, regulators, Data Lost, data.",
            "Incidents:Assessment:Matrix:7:When expects \"maybe\" for \"data\", which is not one of its answers: use one of yes, no, unknown.",
            "Incidents:Assessment:Matrix:8:When is empty: name at least one question and its answer, e.g. \"When\": { \"data\": \"yes\" }.",
        ], failures);
    }

    private static Dictionary<string, string> Answers(string text) =>
        text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
}
