using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public sealed partial class IncidentService
{
    /// <summary>The open incidents on which <paramref name="actor"/> has a page open (a bare <c>ack</c> may also mean an alert page).</summary>
    public IReadOnlyList<int> OpenPagesOf(UserRef actor) =>
        [.. store.ListIncidents(openOnly: true).Select(i => Get(i.Number)).Where(s => s is { IsFinal: false } && s.OpenPageFor(actor) is not null).Select(s => s!.Number).Order()];
}
