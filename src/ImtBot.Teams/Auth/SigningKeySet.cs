using Microsoft.IdentityModel.Tokens;

namespace ImtBot.Teams.Auth;

/// <summary>The Bot Framework signing keys by <c>kid</c>, each with its <c>endorsements</c> (channel ids it may sign for).</summary>
internal sealed record SigningKeySet(
    IReadOnlyDictionary<string, SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements,
    DateTimeOffset FetchedAt)
{
    public static SigningKeySet Empty { get; } = new(new Dictionary<string, SecurityKey>(), new Dictionary<string, IReadOnlySet<string>>(), DateTimeOffset.MinValue);

    public bool IsEndorsed(string kid, string? channelId) =>
        channelId is not null && Endorsements.TryGetValue(kid, out var set) && set.Contains(channelId);
}
