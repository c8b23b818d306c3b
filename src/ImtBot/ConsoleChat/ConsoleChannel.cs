namespace ImtBot.ConsoleChat;

/// <summary>A console channel: <c>general</c>, <c>announcements</c>, one per incident, and one direct channel per user.</summary>
public sealed class ConsoleChannel
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><c>channel</c> or <c>direct</c>.</summary>
    public string Kind { get; set; } = "channel";

    /// <summary>For a direct channel: whose it is.</summary>
    public string? Owner { get; set; }

    public int? Incident { get; set; }

    public string? Topic { get; set; }

    public bool Archived { get; set; }

    public DateTime CreatedAt { get; set; }
}
