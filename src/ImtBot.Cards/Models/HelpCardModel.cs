namespace ImtBot.Cards.Models;

/// <summary>The help card (<c>help.json</c>): what you can type, and buttons for the common first steps.</summary>
public sealed record HelpCardModel(string Text, string Intro, IReadOnlyList<CommandRow> Commands, IReadOnlyList<CardAction> Actions)
{
    private static readonly (string Usage, string Description)[] Table =
    [
        ("declare <title> [sev1..sev4] [drill]", "Open an incident (its own channel, card and roles)"),
        ("role <role> <@user|me>", "Assign commander, deputy, comms, ops or scribe; lead = take command"),
        ("page <role|@user> [message]", "Page someone until they acknowledge"),
        ("ack | decline", "Answer your page"),
        ("update <text>", "Post a stakeholder update"),
        ("note <text>", "Add to the timeline"),
        ("investigating | identified | mitigated | resolved", "Move the incident along"),
        ("sev <1-4> <reason>", "Change the severity"),
        ("handover <@user> <summary>", "Hand command over with a summary"),
        ("action <text> [@owner] [due <date>]", "Record a follow-up action"),
        ("close | reopen | cancel <reason>", "Close (writes the review), reopen or cancel a false alarm"),
        ("status | list | timeline | review", "See where things stand"),
        ("drill <scenario>", "Practise with a drill"),
    ];

    public static HelpCardModel From(CardText text)
    {
        var prefix = text.IsSlack ? "/incident" : "@ImtBot";
        var rows = Table.Select(r => new CommandRow(text.Code(prefix + " " + r.Usage, 200), r.Description)).ToList();
        return new HelpCardModel(
            text.Markup("ImtBot commands: type " + prefix + " help <command> for details", 300),
            "Type " + text.Code(prefix, 40) + " followed by a command. In an incident channel commands apply to that incident; elsewhere name it (" + text.Code("INC-42", 20) + ").",
            rows,
            [CardAction.Of("List incidents", "list"), CardAction.Of("How to declare", "help declare")]);
    }
}
