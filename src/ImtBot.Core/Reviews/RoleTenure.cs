using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>One person holding one role from <see cref="From"/> until <see cref="To"/> (null: still holding); <see cref="Ended"/> says how it ended.</summary>
public sealed record RoleTenure(string Role, UserRef User, DateTimeOffset From, DateTimeOffset? To, string? Ended)
{
    public TimeSpan? Length => To - From;
}
