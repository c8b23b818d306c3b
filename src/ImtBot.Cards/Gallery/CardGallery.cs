using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards.Models;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Gallery;

/// <summary>
/// <c>cards render --out DIR</c>: binds every template to sample incidents in several states and writes, per card,
/// <c>DIR/{platform}/{name}.template.json</c> (the template as shipped), <c>{name}.data.json</c> (the view model) and
/// <c>{name}.json</c> (the bound card): the layout <c>cardcheck/check.sh DIR</c> validates.
/// </summary>
public static class CardGallery
{
    private static readonly JsonSerializerOptions Indented = new(CardRenderer.ModelJson)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders the gallery and returns the paths of the bound cards it wrote.</summary>
    /// <param name="templatesDir">The folder holding <c>teams/</c> and <c>slack/</c> templates (the repository's <c>cards/</c>).</param>
    /// <param name="outDir">Where to write; created if missing.</param>
    public static IReadOnlyList<string> RenderAll(string templatesDir, string outDir)
    {
        var renderer = new CardRenderer(templatesDir);
        var written = new List<string>();
        foreach (var platform in new[] { PlatformNames.Teams, PlatformNames.Slack })
        {
            var dir = Path.Combine(outDir, platform);
            Directory.CreateDirectory(dir);
            foreach (var (name, template, model) in Samples(platform))
            {
                var data = JsonSerializer.SerializeToNode(model, model.GetType(), CardRenderer.ModelJson);
                var card = renderer.Template(platform, template).Expand(data);
                File.Copy(renderer.FindFile(platform, template), Path.Combine(dir, name + ".template.json"), overwrite: true);
                File.WriteAllText(Path.Combine(dir, name + ".data.json"), data!.ToJsonString(Indented) + "\n");
                var output = Path.Combine(dir, name + ".json");
                File.WriteAllText(output, card!.ToJsonString(Indented) + "\n");
                written.Add(output);
            }
        }

        return written;
    }

    /// <summary>A link to the incident channel as each platform's page card carries it (the console uses the Teams cards).</summary>
    private static string SampleChannelUrl(string platform) => platform == PlatformNames.Slack
        ? "https://slack.com/app_redirect?channel=C0INC42"
        : "https://teams.microsoft.com/l/channel/19%3Ainc42%40thread.tacv2/inc-42?groupId=00000000-0000-0000-0000-000000000042";

    /// <summary>Every card name, the template it uses and its view model, for one platform.</summary>
    public static IEnumerable<(string Name, string Template, object Model)> Samples(string platform)
    {
        var text = CardText.For(platform);
        yield return (CardNames.Declare, CardNames.Declare, DeclareFormModel.From(new IncidentOptions(), text));
        var planned = SamplePlan.Active(platform);
        yield return ($"{CardNames.Checklist}-active", CardNames.Checklist, ChecklistCardModel.From(planned, text, planned.LastChangedAt));
        yield return ($"{CardNames.Checklist}-empty", CardNames.Checklist, ChecklistCardModel.From(SampleIncidents.Declared(platform), text, planned.LastChangedAt));
        foreach (var (state, alertPage, now) in SampleAlertPages.All(platform))
        {
            yield return ($"{CardNames.Page}-alert-{state}", CardNames.Page, AlertPageCard.From(alertPage, alertPage.Pages[0], text, now));
        }

        foreach (var (sample, incident) in SampleIncidents.All(platform))
        {
            var card = IncidentCardModel.From(incident, text);
            card = SampleIncidents.SummaryOf(sample) is { } summary ? card.WithSummary(summary, text) : card;
            yield return ($"{CardNames.Incident}-{sample}", CardNames.Incident, card);
            if (platform == PlatformNames.Teams)
            {
                yield return ($"{CardNames.Incident}-{sample}-notice", CardNames.Incident, IncidentCardModel.From(incident, text, "This thread is the incident's channel: Microsoft Graph refused to create one."));
            }

            var page = incident.Pages.FirstOrDefault(p => p.Status == PageStatus.Paged)
                ?? new Page("sample", SampleIncidents.Person(platform, "Bob Okafor"), "ops", null, incident.DeclaredAt.AddMinutes(1), incident.DeclaredAt.AddMinutes(1) + incident.Policy.PageTimeout, 1, PageStatus.Paged, null);
            yield return ($"{CardNames.Page}-{sample}", CardNames.Page, PageCardModel.From(incident, page, text));
            var answered = page with { Status = PageStatus.Acknowledged, AnsweredAt = page.SentAt.AddMinutes(2) };
            yield return ($"{CardNames.Page}-{sample}-acknowledged", CardNames.Page, PageCardModel.From(incident, answered, text, SampleChannelUrl(platform)));
            if (incident.Pages.FirstOrDefault(p => p.Status == PageStatus.Expired) is { } expired)
            {
                yield return ($"{CardNames.Page}-{sample}-expired", CardNames.Page, PageCardModel.From(incident, expired, text, SampleChannelUrl(platform)));
            }

            var update = incident.Updates.Count > 0 ? incident.Updates[^1] : new StatusUpdate(incident.DeclaredAt.AddMinutes(10), incident.DeclaredBy, "We are looking into it.");
            yield return ($"{CardNames.Update}-{sample}", CardNames.Update, StatusUpdateCardModel.From(incident, update, text));
            yield return ($"{CardNames.Review}-{sample}", CardNames.Review, ReviewCardModel.From(incident, text));
            if (platform == PlatformNames.Slack)
            {
                yield return ($"{CardNames.ReviewForm}-{sample}", CardNames.ReviewForm, ReviewFormModel.From(incident, text));
            }

            yield return ($"{CardNames.Reminder}-{sample}", CardNames.Reminder, ReminderCardModel.From(incident, "update", $"No stakeholder update on {incident.Key} for {CardText.Duration(incident.Policy.UpdateCadence ?? TimeSpan.FromHours(1))}: tell people what changed.", text));
        }
    }
}
