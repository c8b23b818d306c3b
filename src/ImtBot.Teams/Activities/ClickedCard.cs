namespace ImtBot.Teams.Activities;

/// <summary>
/// The card a button sat on, from its <c>Action.Execute</c> data (<c>card</c>, <c>page</c>): a template name, or null
/// for a card posted before buttons named their card; <see cref="PageId"/> on a page card.
/// </summary>
internal sealed record ClickedCard(string? Card, string? PageId);
