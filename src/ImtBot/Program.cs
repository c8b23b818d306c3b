using ImtBot.Hosting;

// CLI verbs (verify, backup, export, metrics, cards render, teams package) run and exit without starting the server.
if (await CliVerbs.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// Otherwise: the bot host. Bad configuration or a database held by another process ends here with exit code 1.
return await ImtBotApp.RunAsync(args);

public partial class Program;
