namespace ImtBot.Cards.Templating;

/// <summary>JavaScript's <c>undefined</c>: a path that names nothing. Distinct from JSON <c>null</c>, as in the official engine.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }
}
