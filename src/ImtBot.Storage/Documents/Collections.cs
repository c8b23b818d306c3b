namespace ImtBot.Storage.Documents;

/// <summary>The collection names the store owns (the host may keep others in the same file).</summary>
internal static class Collections
{
    public const string Inbox = "inbox";
    public const string Incidents = "incidents";
    public const string Events = "events";
    public const string Outbox = "outbox";
    public const string Links = "links";
    public const string Settings = "settings";

    public static readonly string[] All = [Inbox, Incidents, Events, Outbox, Links, Settings];
}
