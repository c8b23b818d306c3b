using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Ports;
using ImtBot.Slack.Hosting;

// The same AddSlack/MapSlack as the real host, but the core answers from memory (nothing durable): this measures the
// Slack adapter's own cost. Configure with Slack__BotToken, Slack__SigningSecret and ASPNETCORE_URLS.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ICommandHandler, EchoHandler>();
// Slash commands with text use neither cards nor the store (only the modal and pushpin events do).
builder.Services.AddSingleton<IIncidentCards>(_ => null!);
builder.Services.AddSingleton<ICommandStore>(_ => null!);
builder.Services.AddSlack(builder.Configuration);
var app = builder.Build();
app.MapSlack();
app.Run();

internal sealed class EchoHandler : ICommandHandler
{
    public Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CommandReply(true, "ok: " + command.Text));

    public Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CommandReply(true, "ok"));
}
