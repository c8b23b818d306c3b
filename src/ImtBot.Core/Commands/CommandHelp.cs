namespace ImtBot.Core.Commands;

/// <summary>Help and usage text, generated from the one command table.</summary>
public static class CommandHelp
{
    /// <summary>The whole command reference, or one verb's usage when <paramref name="verb"/> names one.</summary>
    public static string Text(string? verb = null) => "help is not built yet";
}
