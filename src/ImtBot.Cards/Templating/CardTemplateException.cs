namespace ImtBot.Cards.Templating;

/// <summary>A card template that cannot be parsed or bound (a fault in the template or its view model, never user input).</summary>
public sealed class CardTemplateException(string message, Exception? inner = null) : Exception(message, inner);
