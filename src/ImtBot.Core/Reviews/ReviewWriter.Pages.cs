using System.Text;
using static ImtBot.Core.Reviews.DurationText;

namespace ImtBot.Core.Reviews;

/// <summary>The pages, per person: who was paged for what, how they answered and how long it took.</summary>
public static partial class ReviewWriter
{
    private static void PagesTable(StringBuilder md, ReviewModel r)
    {
        md.Append("\n**Pages**\n\n");
        if (r.Pages.Count == 0)
        {
            md.Append("- Nobody was paged.\n");
            return;
        }

        md.Append("- ").Append(r.PageTally.ToString()).Append(".\n\n");
        Table(md, "Person", "For", "Sent", "Answer", "After");
        foreach (var p in r.Pages)
        {
            Row(md, User(p.To), MarkdownText.Inline(p.Role is { } role ? role + (p.Round > 1 ? $" (round {p.Round})" : "") : "—"), Time(p.SentAt),
                p.Outcome switch
                {
                    Incidents.PageStatus.Acknowledged => "acknowledged",
                    Incidents.PageStatus.Declined => "declined",
                    Incidents.PageStatus.Expired => "expired unanswered",
                    _ => r.Status is Incidents.IncidentStatus.Closed or Incidents.IncidentStatus.Cancelled ? "never answered" : "waiting",
                },
                p.AnsweredAt is { } at ? Format(at - p.SentAt) : "—");
        }
    }

    /// <summary>The first page acknowledged (by answer time), if any.</summary>
    private static ReviewPage? FirstAcknowledged(ReviewModel r) =>
        r.Pages.Where(p => p.Outcome == Incidents.PageStatus.Acknowledged && p.AnsweredAt is not null).MinBy(p => p.AnsweredAt);

    /// <summary>What a tenure that did not end says: nobody is still holding a role once the incident is over.</summary>
    private static string StillHolding(ReviewModel r) => r.Status switch
    {
        Incidents.IncidentStatus.Closed => "held at the close",
        Incidents.IncidentStatus.Cancelled => "held at the cancel",
        _ => "still holding",
    };
}
