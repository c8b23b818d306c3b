namespace ImtBot.Core.Platforms;

/// <summary>A person (or the bot itself) on one platform. Equality is by platform and id; the display name is informative.</summary>
public sealed record UserRef(string Platform, string Id, string DisplayName)
{
    /// <summary>The actor for things the bot does on its own (timers, escalations).</summary>
    public static UserRef System { get; } = new("system", "imtbot", "ImtBot");

    public bool Equals(UserRef? other) =>
        other is not null && string.Equals(Platform, other.Platform, StringComparison.Ordinal) && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Platform, Id);

    /// <summary>How the user is named in plain text: <c>@Display Name</c>.</summary>
    public override string ToString() => "@" + DisplayName;
}
