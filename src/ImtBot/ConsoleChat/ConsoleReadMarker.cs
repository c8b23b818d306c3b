namespace ImtBot.ConsoleChat;

/// <summary>How far one user has read one channel: the id of the newest message they have seen there.</summary>
public sealed class ConsoleReadMarker
{
    /// <summary><c>{user}/{channel}</c>.</summary>
    public string Id { get; set; } = "";

    public long LastRead { get; set; }

    public static string IdFor(string user, string channel) => user + "/" + channel;
}
