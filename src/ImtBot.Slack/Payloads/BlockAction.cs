namespace ImtBot.Slack.Payloads;

/// <summary>
/// One element of <c>block_actions.actions</c>: a <c>button</c> (its <c>value</c>), a <c>users_select</c>
/// (<c>selected_user</c>), or a <c>static_select</c> / <c>overflow</c> / <c>radio_buttons</c> (<c>selected_option</c>).
/// </summary>
public sealed record BlockAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? ActionTs { get; init; }

    public string? Value { get; init; }

    public string? SelectedUser { get; init; }

    public SelectedOption? SelectedOption { get; init; }
}
