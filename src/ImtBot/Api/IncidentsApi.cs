using System.Text.Json.Nodes;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Core.Reviews;

namespace ImtBot.Api;

/// <summary>The incidents as JSON (and the review as Markdown): list, one, timeline, review, audit.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents");
        api.MapGet("/", (IIncidentQueries store, bool? open) =>
            Results.Ok(store.ListIncidents(open ?? false).OrderByDescending(i => i.Number).Select(Summary)));
        api.MapGet("/{number:int}", (int number, IIncidentReader reader) =>
            reader.Get(number) is { } incident ? Results.Ok(Detail(incident)) : NotFound(number));
        api.MapGet("/{number:int}/timeline", (int number, IIncidentQueries store) =>
        {
            if (Events(store, number) is not { } events)
            {
                return NotFound(number);
            }

            // Each event with the sentence the review's timeline uses for it.
            var words = ReviewModel.From(events).Timeline.ToDictionary(t => t.Sequence, t => t.Text);
            return Results.Ok(events.Select(e => Timeline(e, words.GetValueOrDefault(e.Sequence))));
        });
        api.MapGet("/{number:int}/review.md", (int number, IIncidentQueries store) =>
            Events(store, number) is { } events
                ? Results.Text(ReviewWriter.ToMarkdown(events), "text/markdown; charset=utf-8")
                : NotFound(number));
        api.MapGet("/{number:int}/audit", (int number, IIncidentQueries store) =>
        {
            if (Events(store, number) is not { } events)
            {
                return NotFound(number);
            }

            var v = ChainVerifier.Verify(events);
            return Results.Ok(new { valid = v.Valid, events = v.Events, head = v.Head, brokenAt = v.BrokenAt, problem = v.Problem });
        });
        return app;
    }

    private static IReadOnlyList<IncidentEvent>? Events(IIncidentQueries store, int number)
    {
        var events = store.GetEvents(number);
        return events.Count == 0 ? null : events;
    }

    private static IResult NotFound(int number) => BoundedJson.Problem(404, $"There is no incident {IncidentKey.Format(number)}.");

    private static object Summary(IncidentSnapshot s) => new
    {
        number = s.Number,
        key = IncidentKey.Format(s.Number),
        title = s.Title,
        severity = s.Severity,
        kind = s.Kind.ToString(),
        state = s.Status.ToString(),
        platform = s.Platform,
        declaredAt = s.DeclaredAt,
        resolvedAt = s.ResolvedAt,
        closedAt = s.ClosedAt,
    };

    internal static object Detail(IncidentState s) => new
    {
        number = s.Number,
        key = s.Key,
        title = s.Title,
        summary = s.Summary,
        impact = s.Impact,
        severity = s.Severity,
        kind = s.Kind.ToString(),
        state = s.Status.ToString(),
        platform = s.Origin.Platform,
        declaredBy = User(s.DeclaredBy),
        declaredAt = s.DeclaredAt,
        acknowledgedAt = s.AcknowledgedAt,
        mitigatedAt = s.MitigatedAt,
        resolvedAt = s.ResolvedAt,
        closedAt = s.ClosedAt,
        roles = s.RoleNames.Select(r => new
        {
            role = r,
            holder = s.Roles.TryGetValue(r, out var h) ? User(h.User) : null,
            since = s.Roles.TryGetValue(r, out var h2) ? h2.Since : (DateTimeOffset?)null,
        }),
        pages = s.Pages.Select(p => new { id = p.Id, to = User(p.To), role = p.Role, status = p.Status.ToString(), sentAt = p.SentAt, deadline = p.Deadline, answeredAt = p.AnsweredAt }),
        updates = s.Updates.Select(u => new { at = u.At, by = User(u.By), text = u.Text }),
        actions = s.Actions.Select(a => new { id = a.Id, text = a.Text, owner = a.Owner is null ? null : User(a.Owner), due = a.Due, done = a.Done }),
        version = s.Version,
        head = s.Head,
    };

    private static object Timeline(IncidentEvent e, string? text) => new
    {
        seq = e.Sequence,
        at = e.At,
        actor = User(e.Actor),
        type = e.Type,
        text,
        data = JsonNode.Parse(EventChain.SerializeData(e.Data)),
        hash = e.Hash,
    };

    private static object User(Core.Platforms.UserRef u) => new { platform = u.Platform, id = u.Id, name = u.DisplayName };
}
