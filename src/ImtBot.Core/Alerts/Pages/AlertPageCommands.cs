using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// The command pipeline with alert pages in front of incidents: a command naming an alert page (<c>ack AP-3</c>, a card's
/// <c>silence AP-3 1h</c>), a timer of an alert page's stream, and a bare <c>ack</c> / <c>decline</c> (outside an incident's
/// channel) from someone whose only open page is an alert page go to <see cref="AlertPageService"/>; everything else to <see cref="IncidentService"/>.
/// </summary>
public sealed class AlertPageCommands(IncidentService incidents, AlertPageService pages, IIncidentQueries store) : ICommandHandler
{
    public Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default)
    {
        var parsed = CommandParser.Parse(command.Text);
        return parsed.Command is { } c && ForAlertPage(c, command) is { } routed
            ? routed(cancellationToken)
            : incidents.HandleAsync(command, cancellationToken);
    }

    public Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default) =>
        ForAlertPage(command, origin) is { } routed ? routed(cancellationToken) : incidents.HandleParsedAsync(command, origin, cancellationToken);

    private Func<CancellationToken, Task<CommandReply>>? ForAlertPage(Command command, ChatCommand origin)
    {
        switch (command)
        {
            case AlertPageCommand page:
                return ct => pages.HandleAsync(page, origin, ct);
            case TimerCommand timer when timer.Incident is { } stream && AlertPageKey.OfStream(stream) is { } number:
                return ct => pages.OnTimerAsync(number, timer.TimerKey, origin, ct);
            case AckCommand or DeclineCommand when command.Incident is null && store.FindIncidentByChannel(origin.Channel) is null:
                return BareAnswer(command is AckCommand ? AlertPageVerb.Ack : AlertPageVerb.Decline, origin);
            default:
                return null;
        }
    }

    /// <summary>A bare <c>ack</c>: the alert page when it is the person's one open page; both kinds open, a question which.</summary>
    private Func<CancellationToken, Task<CommandReply>>? BareAnswer(AlertPageVerb verb, ChatCommand origin)
    {
        var alertPages = pages.OpenPagesOf(origin.Actor);
        if (alertPages.Count == 0)
        {
            return null;
        }

        var incidentPages = incidents.OpenPagesOf(origin.Actor);
        if (alertPages.Count == 1 && incidentPages.Count == 0)
        {
            return ct => pages.HandleAsync(new AlertPageCommand(verb, alertPages[0].Number), origin, ct);
        }

        var word = verb.ToString().ToLowerInvariant();
        var choices = incidentPages.Select(IncidentKey.Format).Concat(alertPages.Select(p => p.Key)).Select(k => $"`/incident {word} {k}`");
        return _ => Task.FromResult(new CommandReply(false, "You have several open pages; say which: " + string.Join(" / ", choices) + "."));
    }
}
