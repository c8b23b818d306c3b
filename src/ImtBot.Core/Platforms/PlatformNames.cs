namespace ImtBot.Core.Platforms;

/// <summary>The platform names used in <see cref="UserRef.Platform"/>, <see cref="ChannelRef.Platform"/> and outbox routing.</summary>
public static class PlatformNames
{
    public const string Console = "console";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string System = "system";
}
