namespace ImtBot.Core.Commands;

/// <summary>A user argument: a mention (<c>&lt;@U123|Bob&gt;</c>, <c>@bob</c>) or <c>me</c>.</summary>
public sealed record UserArg(string Id, string? DisplayName, bool IsMe = false)
{
    /// <summary>
    /// Typed as a bare <c>@name</c>: no platform resolved it to a user (adapters write real mentions as
    /// <c>&lt;@id&gt;</c>), so the service refuses it instead of paging nobody.
    /// </summary>
    public bool IsHandle { get; init; }

    public static UserArg Me { get; } = new("me", null, IsMe: true);
}
