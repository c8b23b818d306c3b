using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

/// <summary><c>training [@user]</c>: answered from every incident's fold, without deciding anything.</summary>
public sealed partial class IncidentService
{
    /// <summary>Everyone's training records, folded from every incident (drills and real ones).</summary>
    public IReadOnlyList<TrainingEntry> TrainingEntries() =>
        TrainingRecords.From(store.ListIncidents(openOnly: false).Select(i => Get(i.Number)).OfType<Incident>());

    /// <summary>Who on the on-call lists of <paramref name="platform"/> is due to practise their role.</summary>
    public IReadOnlyList<PracticeDue> PracticeDue(string platform, IReadOnlyList<TrainingEntry> entries) =>
        TrainingRecords.Due(entries, OnCallLists.Current(options, store, platform), time.GetUtcNow(), Drills.PracticeEvery);

    private string TrainingReply(TrainingCommand command, ChatCommand origin)
    {
        var entries = TrainingEntries().Where(e => !HiddenFrom(e.Incident, origin.Actor)).ToList();
        var who = command.User is { } u ? IncidentDecider.Resolve(u, origin.Actor) : null;
        return TrainingRecords.Text(entries, PracticeDue(origin.Actor.Platform, entries), who, Drills.PracticeEvery);
    }
}
