namespace ImtBot.ConsoleChat;

/// <summary>A person in the console's demo directory: <c>@id</c> mentions them.</summary>
public sealed class ConsoleUser
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
}
