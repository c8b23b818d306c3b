using System.Text.Json.Nodes;
using ImtBot.Cards.Models;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Cards;

/// <summary>The cards the bot posts: each builds its view model from the incident and binds the platform's template.</summary>
/// <param name="time">The clock for the time left on regulatory clocks; the incident's last event time when not given.</param>
public sealed class IncidentCards(ICardRenderer renderer, IncidentOptions? incidents = null, TimeProvider? time = null) : IIncidentCards
{
    private readonly IncidentOptions incidents = incidents ?? new IncidentOptions();

    public JsonNode Incident(string platform, Incident incident, string? notice = null) =>
        renderer.Render(platform, CardNames.Incident, IncidentCardModel.From(incident, CardText.For(platform), notice, time?.GetUtcNow()));

    public JsonNode Page(string platform, Incident incident, Page page, string? channelUrl = null) =>
        renderer.Render(platform, CardNames.Page, PageCardModel.From(incident, page, CardText.For(platform), channelUrl));

    public JsonNode AlertPage(string platform, Core.Alerts.Pages.AlertPage alertPage, Page page, DateTimeOffset now) =>
        renderer.Render(platform, CardNames.Page, AlertPageCard.From(alertPage, page, CardText.For(platform), now));

    public JsonNode StatusUpdate(string platform, Incident incident, StatusUpdate update) =>
        renderer.Render(platform, CardNames.Update, StatusUpdateCardModel.From(incident, update, CardText.For(platform)));

    public JsonNode Review(string platform, Incident incident) =>
        renderer.Render(platform, CardNames.Review, ReviewCardModel.From(incident, CardText.For(platform)));

    public JsonNode Reminder(string platform, Incident incident, string reminder, string text) =>
        renderer.Render(platform, CardNames.Reminder, ReminderCardModel.From(incident, reminder, text, CardText.For(platform)));

    public JsonNode DeclareForm(string platform) =>
        renderer.Render(platform, CardNames.Declare, DeclareFormModel.From(incidents, CardText.For(platform)));

    public JsonNode ReviewForm(string platform, Incident incident) =>
        renderer.Render(platform, CardNames.ReviewForm, ReviewFormModel.From(incident, CardText.For(platform)));

    public JsonNode Checklist(string platform, Incident incident) =>
        renderer.Render(platform, CardNames.Checklist, ChecklistCardModel.From(incident, CardText.For(platform), time?.GetUtcNow() ?? incident.LastChangedAt));
}
