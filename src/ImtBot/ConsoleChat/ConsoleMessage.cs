namespace ImtBot.ConsoleChat;

/// <summary>A message in a console channel: text, and optionally an Adaptive Card (JSON) rendered by the page.</summary>
public sealed class ConsoleMessage
{
    /// <summary>Auto-increment id; the API shows it as <c>m{Id}</c>.</summary>
    public long Id { get; set; }

    public string ChannelId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Text { get; set; } = "";

    public string? CardJson { get; set; }

    /// <summary>Set for an ephemeral reply: only this user sees it.</summary>
    public string? VisibleTo { get; set; }

    public bool Pinned { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>
    /// What posted it, for a bot post made by an outbox step (<c>step key#target</c>, or <c>INC-n#card</c> for the one
    /// incident card): a step run again after a crash finds its message instead of posting a second one. Null otherwise.
    /// </summary>
    public string? Origin { get; set; }

    public string Key => "m" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
