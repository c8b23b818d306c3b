using System.Text.Json.Nodes;
using ImtBot.Cards.Gallery;
using ImtBot.Cards.Models;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

/// <summary>The forms: the declare form's assessment questions and the review form, on Teams (and the console) and Slack.</summary>
public sealed class FormCardTests
{
    private static readonly CardRenderer Renderer = new(RepoPaths.Cards);

    [Fact]
    public void DeclareForm_Teams_AsksEachQuestionAndStartsTheSeverityAtTheSuggestion()
    {
        var card = new IncidentCards(Renderer).DeclareForm(PlatformNames.Teams);

        var choiceSets = Objects(card).Where(o => (string?)o["type"] == "Input.ChoiceSet").ToList();
        Assert.Equal(["answer.customers", "answer.data", "answer.revenue", "answer.regulators", "severity"], choiceSets.Select(c => (string?)c["id"]));
        Assert.Equal(["none", "some", "many", "unknown"], choiceSets[0]["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal(["yes", "no", "unknown"], choiceSets[1]["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        var severity = choiceSets[^1];
        Assert.Equal("suggested", (string?)severity["value"]);
        Assert.Equal(["suggested", "sev1", "sev2", "sev3", "sev4"], severity["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Contains(Strings(card), s => s.Contains("data = yes → SEV1", StringComparison.Ordinal));
    }

    [Fact]
    public void DeclareForm_Slack_AsksEachQuestionAsRadioButtonsNamedForTheAnswer()
    {
        var modal = new IncidentCards(Renderer).DeclareForm(PlatformNames.Slack);

        var radios = Objects(modal).Where(o => (string?)o["type"] == "input" && (string?)o["element"]!["type"] == "radio_buttons").ToList();
        Assert.Equal(["answer.customers", "answer.data", "answer.revenue", "answer.regulators"], radios.Select(r => (string?)r["block_id"]));
        Assert.All(radios, r => Assert.True((bool?)r["optional"]));
        Assert.Equal("How many customers are affected?", (string?)radios[0]["label"]!["text"]);
    }

    [Fact]
    public void DeclareForm_AssessmentOff_AsksNothingAndHasNoSuggestion()
    {
        var options = new IncidentOptions { Assessment = { Enabled = false } };

        var card = new IncidentCards(Renderer, options).DeclareForm(PlatformNames.Teams);

        var severity = Objects(card).Single(o => (string?)o["type"] == "Input.ChoiceSet");
        Assert.Equal("sev3", (string?)severity["value"]);
        Assert.DoesNotContain(Strings(card), s => s.Contains("matrix", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Compose_DeclareFormInputs_AppendSeverityAndAnswersAsWords()
    {
        var inputs = new Dictionary<string, string?>
        {
            ["command"] = "declare",
            ["text"] = "Checkout down",
            ["severity"] = "sev2",
            ["answer.data"] = "yes",
            ["answer.customers"] = "many",
        };

        Assert.Equal("declare Checkout down sev2 data=yes customers=many", CardCommandText.Compose("declare", [], "Checkout down", inputs));
    }

    [Fact]
    public void Compose_SuggestedSeverityAndNonWords_AreLeftOut()
    {
        var inputs = new Dictionary<string, string?>
        {
            ["severity"] = "suggested",
            ["answer.data"] = "yes sev1",
            ["answer.bad id"] = "yes",
            ["answer.revenue"] = "",
            ["other"] = "drill",
        };

        Assert.Equal("declare Checkout down", CardCommandText.Compose("declare", [], "Checkout down", inputs));
    }

    [Fact]
    public void ReviewCard_Teams_WriteTheReviewPanelIsPrefilledAndSavesAsTheReviewForm()
    {
        var incident = SampleIncidents.All(PlatformNames.Teams).Last().Incident;

        var card = new IncidentCards(Renderer).Review(PlatformNames.Teams, incident);

        var panel = Objects(card).Single(o => (string?)o["type"] == "Action.ShowCard");
        Assert.Equal("Write the review", (string?)panel["title"]);
        var inputs = Objects(panel["card"]).Where(o => (string?)o["type"] == "Input.Text").ToList();
        Assert.Equal(["summary", "cause", "resolution", "impact", "detected"], inputs.Select(i => (string?)i["id"]));
        var save = Objects(panel["card"]).Single(o => (string?)o["type"] == "Action.Execute");
        Assert.Equal("review " + incident.Key, (string?)save["data"]!["command"]);
        Assert.Equal("review", (string?)save["data"]![CardActionData.FormKey]);
        Assert.Equal(incident.ImpactBegan is { } began ? began.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "", (string?)inputs[3]["value"]);
    }

    [Fact]
    public void ReviewCard_Slack_HasAWriteTheReviewButtonNamingTheIncident()
    {
        var incident = SampleIncidents.All(PlatformNames.Slack).Last().Incident;

        var card = new IncidentCards(Renderer).Review(PlatformNames.Slack, incident);

        var button = Objects(card).Single(o => (string?)o["action_id"] == ReviewFormModel.SlackActionId);
        Assert.Equal("review " + incident.Key, (string?)button["value"]);
    }

    [Fact]
    public void ReviewForm_Slack_IsAModalPrefilledWithWhatIsRecorded()
    {
        var incident = SampleIncidents.All(PlatformNames.Slack).Last().Incident;

        var modal = new IncidentCards(Renderer).ReviewForm(PlatformNames.Slack, incident);

        Assert.Equal("modal", (string?)modal["type"]);
        Assert.Equal(ReviewFormModel.SlackCallbackId, (string?)modal["callback_id"]);
        var inputs = Objects(modal).Where(o => (string?)o["type"] == "input").ToList();
        Assert.Equal(["summary", "cause", "resolution", "impact", "detected"], inputs.Select(i => (string?)i["block_id"]));
        var summary = incident.Written.TryGetValue("summary", out var w) ? w.Text : "";
        Assert.Equal(summary, (string?)inputs[0]["element"]!["initial_value"]);
    }

    [Fact]
    public void ReviewFormSubmission_ReadsTheIncidentFromTheCommandAndEachField()
    {
        var fields = new Dictionary<string, string> { ["summary"] = "S", ["impact"] = "08:55" };

        var command = ReviewFormSubmission.Read("review INC-42", f => fields.GetValueOrDefault(f));

        Assert.Equal(42, command!.Incident);
        Assert.Equal(("S", null, null, "08:55", null), (command.Summary, command.Cause, command.Resolution, command.ImpactStart, command.Detected));
        Assert.Null(ReviewFormSubmission.Read("ack INC-42", _ => null));
        Assert.Null(ReviewFormSubmission.Read("review", _ => null));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
