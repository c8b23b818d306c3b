namespace ImtBot.Cards;

/// <summary>
/// What a Teams (and console) button's <c>Action.Execute</c> data says about the card it sits on, besides its command:
/// <c>{"command":"ack INC-42","card":"page","page":"p1"}</c>. An invoke answers with that card refreshed, so a click on a
/// page card gets the page card back, not the incident card.
/// </summary>
public static class CardActionData
{
    /// <summary>The card's template name (<see cref="CardNames"/>); absent on cards posted before it existed.</summary>
    public const string CardKey = "card";

    /// <summary>On a page card: the page's id.</summary>
    public const string PageKey = "page";

    /// <summary>On a form's submit button: which form its inputs fill (<c>review</c>: <see cref="Models.ReviewFormModel"/>).</summary>
    public const string FormKey = "form";
}
