namespace ImtBot.Core.Platforms;

/// <summary>A place where a command was typed or a message goes: a platform and its channel or conversation id.</summary>
public sealed record ChannelRef(string Platform, string Id)
{
    public override string ToString() => $"{Platform}:{Id}";
}
