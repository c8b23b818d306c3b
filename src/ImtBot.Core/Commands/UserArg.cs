namespace ImtBot.Core.Commands;

/// <summary>A user argument: a mention (<c>&lt;@U123|Bob&gt;</c>, <c>@bob</c>) or <c>me</c>.</summary>
public sealed record UserArg(string Id, string? DisplayName, bool IsMe = false)
{
    public static UserArg Me { get; } = new("me", null, IsMe: true);
}
