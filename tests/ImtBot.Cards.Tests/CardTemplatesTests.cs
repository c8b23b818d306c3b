using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Cards.Models;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

/// <summary>Every shipped template, bound to every sample incident: nothing unbound, and the right kind of payload.</summary>
public sealed class CardTemplatesTests
{
    private static readonly CardRenderer Renderer = new(RepoPaths.Cards);

    /// <summary>The <c>${…}</c> that hostile user text carries on purpose (it must come out as typed, never evaluated).</summary>
    private static readonly string[] TypedByUsers = ["${title}", "${secret}", "${$root}"];

    public static TheoryData<string, string> Cards()
    {
        var data = new TheoryData<string, string>();
        foreach (var platform in new[] { PlatformNames.Teams, PlatformNames.Slack })
        {
            foreach (var name in CardNames.All)
            {
                data.Add(platform, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Render_EverySample_LeavesNothingUnbound(string platform, string template)
    {
        var samples = CardGallery.Samples(platform).Where(s => s.Template == template).ToList();
        Assert.NotEmpty(samples);
        foreach (var (name, _, model) in samples)
        {
            var card = Renderer.Render(platform, template, model);

            foreach (var text in Strings(card))
            {
                var rest = TypedByUsers.Aggregate(text, (t, typed) => t.Replace(typed, "", StringComparison.Ordinal));
                Assert.False(rest.Contains("${", StringComparison.Ordinal), $"{platform}/{name}: unbound in \"{text}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Render_EverySample_IsThePlatformsPayloadKind(string platform, string template)
    {
        foreach (var (name, _, model) in CardGallery.Samples(platform).Where(s => s.Template == template))
        {
            var card = Renderer.Render(platform, template, model).AsObject();

            if (platform == PlatformNames.Teams)
            {
                Assert.Equal("AdaptiveCard", (string?)card["type"]);
                Assert.Equal("1.5", (string?)card["version"]);
                Assert.True(card.ToJsonString().Length < 28_000, name);
            }
            else if (template == CardNames.Declare)
            {
                Assert.Equal("modal", (string?)card["type"]);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty((string?)card["text"]), name);
                Assert.InRange(card["blocks"]!.AsArray().Count, 1, 50);
            }
        }
    }

    [Fact]
    public void Render_HostileTeamsIncident_HasNoInjectedElementsAndShowsTheTitleAsTyped()
    {
        var incident = SampleIncidents.Hostile(PlatformNames.Teams);
        var card = new IncidentCards(Renderer).Incident(PlatformNames.Teams, incident);

        var types = Objects(card).Select(o => (string?)o["type"]).ToList();
        Assert.DoesNotContain("Action.OpenUrl", types);
        Assert.Equal(
            new[] { "Action.Execute" },
            types.Where(t => t?.StartsWith("Action.", StringComparison.Ordinal) == true && t != "Action.Submit").Distinct());
        Assert.Contains(Objects(card), o => (string?)o["type"] == "TextRun" && (string?)o["text"] == incident.Title);
    }

    [Fact]
    public void Render_HostileSlackIncident_EscapesEveryMrkdwnTextAndFitsTheHeader()
    {
        var card = new IncidentCards(Renderer).Incident(PlatformNames.Slack, SampleIncidents.Hostile(PlatformNames.Slack));

        var mrkdwn = Objects(card).Where(o => (string?)o["type"] == "mrkdwn").Select(o => (string)o["text"]!).Append((string)card["text"]!).ToList();
        Assert.All(mrkdwn, t => Assert.DoesNotContain("<!", t, StringComparison.Ordinal));
        Assert.Contains(mrkdwn, t => t.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
        Assert.Contains(mrkdwn, t => t.Contains("<@U0MALLORY1>", StringComparison.Ordinal)); // a Slack user is a real mention, never their display name
        var header = Objects(card).Single(o => (string?)o["type"] == "header");
        Assert.InRange(((string)header["text"]!["text"]!).Length, 1, 150);
        Assert.DoesNotContain(Objects(card), o => (string?)o["type"] == "button" && ((string)o["value"]!).Contains('"', StringComparison.Ordinal));
    }

    [Fact]
    public void Render_IncidentButtons_CarryCommandTextOnBothPlatforms()
    {
        var incident = SampleIncidents.Declared(PlatformNames.Teams);
        var cards = new IncidentCards(Renderer);

        var teams = cards.Incident(PlatformNames.Teams, incident);
        var execute = Objects(teams).Where(o => (string?)o["type"] == "Action.Execute").ToList();
        Assert.Contains(execute, a => (string?)a["data"]!["command"] == "role INC-41 commander me" && (string?)a["verb"] == "imtbot.command");
        Assert.All(execute, a => Assert.Equal("Action.Submit", (string?)a["fallback"]!["type"]));
        Assert.All(execute, a => Assert.True(JsonNode.DeepEquals(a["data"], a["fallback"]!["data"])));

        var slack = cards.Incident(PlatformNames.Slack, SampleIncidents.Declared(PlatformNames.Slack));
        var buttons = Objects(slack).Where(o => (string?)o["type"] == "button").ToList();
        Assert.Contains(buttons, b => (string?)b["value"] == "investigating INC-41");
        Assert.Equal(buttons.Count, buttons.Select(b => (string?)b["action_id"]).Distinct().Count());
    }

    [Fact]
    public void Incident_Teams_CarriesItsMarkerAndTheNoticeOnlyWhenGiven()
    {
        var cards = new IncidentCards(Renderer);
        var incident = SampleIncidents.Active(PlatformNames.Teams);

        var plain = cards.Incident(PlatformNames.Teams, incident);
        var noted = cards.Incident(PlatformNames.Teams, incident, "this thread is the incident's channel");

        var marker = Objects(plain).Single(o => (string?)o["id"] == "imtbot-incident-card-42");
        Assert.False((bool)marker["isVisible"]!);
        Assert.Equal(IncidentCardModel.MarkerFor(42), (string?)marker["id"]);
        Assert.DoesNotContain(Strings(plain), t => t.Contains("incident's channel", StringComparison.Ordinal));
        Assert.Contains("this thread is the incident's channel", Strings(noted));
        Assert.True(JsonNode.DeepEquals(plain["body"]!.AsArray()[^1], noted["body"]!.AsArray()[^1])); // the marker stays last either way
    }

    [Theory]
    [InlineData(CardNames.Incident)]
    [InlineData(CardNames.Page)]
    [InlineData(CardNames.Update)]
    [InlineData(CardNames.Review)]
    [InlineData(CardNames.Reminder)]
    [InlineData(CardNames.Checklist)]
    public void Render_TeamsButtons_NameTheCardTheySitOn(string template)
    {
        foreach (var (name, _, model) in CardGallery.Samples(PlatformNames.Teams).Where(s => s.Template == template))
        {
            var card = Renderer.Render(PlatformNames.Teams, template, model);

            var execute = Objects(card).Where(o => (string?)o["type"] == "Action.Execute").ToList();
            Assert.All(execute, a => Assert.Equal(template, (string?)a["data"]![CardActionData.CardKey]));
            Assert.All(execute, a => Assert.True(JsonNode.DeepEquals(a["data"], a["fallback"]!["data"]), name));
            if (model is PageCardModel page)
            {
                Assert.All(execute, a => Assert.Equal(page.PageId, (string?)a["data"]![CardActionData.PageKey]));
            }
        }
    }

    [Theory]
    [InlineData(PlatformNames.Teams)]
    [InlineData(PlatformNames.Slack)]
    public void Page_Answered_SaysSoAndOffersNoButtons(string platform)
    {
        var cards = new IncidentCards(Renderer);
        var incident = SampleIncidents.Active(platform);
        var paged = new Page("p7", SampleIncidents.Person(platform, "Bob Okafor"), "ops", null, incident.DeclaredAt, incident.DeclaredAt.AddMinutes(5), 1, PageStatus.Paged, null);

        var open = cards.Page(platform, incident, paged);
        var acknowledged = cards.Page(platform, incident, paged with { Status = PageStatus.Acknowledged, AnsweredAt = incident.DeclaredAt.AddMinutes(2) });
        var declined = cards.Page(platform, incident, paged with { Status = PageStatus.Declined, AnsweredAt = incident.DeclaredAt.AddMinutes(3) });

        Assert.Contains(Objects(open), o => (string?)o["type"] is "Action.Execute" or "button");
        Assert.DoesNotContain(Strings(open), t => t.Contains("You acknowledged", StringComparison.Ordinal));
        Assert.DoesNotContain(Objects(acknowledged), o => (string?)o["type"] is "Action.Execute" or "button" or "ActionSet" or "actions");
        Assert.Contains(Strings(acknowledged), t => t.Contains("You acknowledged this page at " + CardText.Time(incident.DeclaredAt.AddMinutes(2)), StringComparison.Ordinal));
        Assert.Contains(Strings(declined), t => t.Contains("You declined this page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PlatformNames.Teams, "Action.OpenUrl")]
    [InlineData(PlatformNames.Slack, "button")]
    public void Page_ChannelLinkKnown_OffersJoinItsChannelAsALinkButton_AnsweredOrNot(string platform, string type)
    {
        var cards = new IncidentCards(Renderer);
        var incident = SampleIncidents.Active(platform);
        var paged = new Page("p7", SampleIncidents.Person(platform, "Bob Okafor"), "ops", null, incident.DeclaredAt, incident.DeclaredAt.AddMinutes(5), 1, PageStatus.Paged, null);
        const string url = "https://slack.com/app_redirect?channel=C0INC42";

        var open = cards.Page(platform, incident, paged, url);
        var acknowledged = cards.Page(platform, incident, paged with { Status = PageStatus.Acknowledged, AnsweredAt = incident.DeclaredAt.AddMinutes(2) }, url);
        var unknown = cards.Page(platform, incident, paged with { Status = PageStatus.Acknowledged, AnsweredAt = incident.DeclaredAt.AddMinutes(2) });

        foreach (var card in new[] { open, acknowledged })
        {
            var link = Assert.Single(Objects(card), o => o["url"] is not null);
            Assert.Equal((type, url), ((string?)link["type"], (string?)link["url"]));
            Assert.Contains(PageCardModel.JoinChannel, link.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, Objects(open).Count(o => (string?)o["type"] is "Action.Execute" or "button" && o["url"] is null));
        Assert.DoesNotContain(Objects(acknowledged), o => (string?)o["type"] is "Action.Execute" || ((string?)o["type"] == "button" && o["url"] is null));
        Assert.DoesNotContain(Objects(unknown), o => (string?)o["type"] is "ActionSet" or "actions" or "Action.OpenUrl" or "button");
    }

    [Theory]
    [InlineData(PlatformNames.Teams, "Dana Kowalski")]
    [InlineData(PlatformNames.Slack, "<@U0DANAKO1>")]
    public void Page_ExpiredAndEscalated_NamesWhoIsPagedNext(string platform, string next)
    {
        var incident = SampleIncidents.All(platform).Select(s => s.Incident).First(i => i.Pages.Any(p => p.Status == PageStatus.Expired));
        var expired = incident.Pages.First(p => p.Status == PageStatus.Expired);

        var card = new IncidentCards(Renderer).Page(platform, incident, expired);

        Assert.Contains(Strings(card), t => t.Contains("expired without an answer", StringComparison.Ordinal) && t.Contains(next + " is paged next", StringComparison.Ordinal));
        Assert.DoesNotContain(Objects(card), o => (string?)o["type"] is "Action.Execute" or "button");
    }

    [Fact]
    public void Reminder_UpdateReminder_SnoozesWithTheReminderName()
    {
        var card = new IncidentCards(Renderer).Reminder(PlatformNames.Slack, SampleIncidents.Active(PlatformNames.Slack), "update", "Time for an update");

        var values = Objects(card).Where(o => (string?)o["type"] == "button").Select(o => (string?)o["value"]).ToList();
        Assert.Equal(["snooze INC-42 update 15", "snooze INC-42 update 60"], values);
    }

    [Theory]
    [InlineData(true, "suggested")]
    [InlineData(false, "sev3")]
    public void DeclareForm_Slack_IsAModalWhoseDefaultSeverityIsOneOfItsOptions(bool assessed, string initial)
    {
        var options = new IncidentOptions { Assessment = { Enabled = assessed } };
        var modal = new IncidentCards(Renderer, options).DeclareForm(PlatformNames.Slack);

        Assert.Equal("declare", (string?)modal["callback_id"]);
        var select = Objects(modal).Single(o => (string?)o["type"] == "static_select");
        Assert.Contains(select["options"]!.AsArray(), o => JsonNode.DeepEquals(o, select["initial_option"]));
        Assert.Equal(initial, (string?)select["initial_option"]!["value"]);
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
