namespace ImtBot.Cards.Models;

/// <summary>
/// A button whose click is the command text <see cref="Command"/> (<c>ack INC-42</c>): Teams <c>Action.Execute</c> data
/// <c>{"command": …}</c>, Slack button <c>value</c>. <see cref="Style"/> is Teams' (<c>default</c>, <c>positive</c>,
/// <c>destructive</c>); <see cref="SlackStyle"/> is Slack's (<c>primary</c>, <c>danger</c> or empty).
/// <see cref="Id"/> is unique within the card (Slack <c>action_id</c>).
/// </summary>
public sealed record CardAction(string Id, string Title, string Command, string Style, string SlackStyle)
{
    public static CardAction Of(string title, string command, string style = "default") => new(
        "btn-" + command.Replace(' ', '-'),
        title,
        command,
        style,
        style switch { "positive" => "primary", "destructive" => "danger", _ => "" });
}
