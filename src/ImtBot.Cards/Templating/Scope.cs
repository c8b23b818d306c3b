namespace ImtBot.Cards.Templating;

/// <summary>What paths resolve against: <c>$root</c>, the current <c>$data</c> and <c>$index</c> (undefined outside a repetition).</summary>
internal sealed record Scope(object? Root, object? Data, object? Index);
