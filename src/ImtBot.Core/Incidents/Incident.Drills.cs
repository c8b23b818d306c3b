using ImtBot.Core.Drills;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

public sealed partial class Incident
{
    /// <summary>The exercise run in this incident, or null (a real incident, or a drill declared without a scenario).</summary>
    public DrillRun? Drill { get; private set; }

    private void ApplyDrill(IncidentEvent e, DrillEvent data)
    {
        if (data is DrillStarted started)
        {
            Drill = new DrillRun(started.Scenario, started.Facilitator, e.At);
            foreach (var inject in started.Scenario.Injects.Where(i => i.At is not null))
            {
                Drill.Due[inject.Number] = e.At + inject.At!.Value;
            }

            return;
        }

        if (Drill is not { } run)
        {
            return;
        }

        switch (data)
        {
            case DrillInjectArmed armed:
                run.Due[armed.Inject] = armed.DueAt;
                break;
            case DrillInjectFired fired:
                run.Due.Remove(fired.Inject);
                run.Fired.TryAdd(fired.Inject, (e.At, fired.ByFacilitator));
                run.InjectBySequence[e.Sequence] = fired.Inject;
                break;
            case DrillPaused:
                run.PausedAt ??= e.At;
                break;
            case DrillResumed when run.PausedAt is { } from:
                // What was still to come moves later by the time the clock stood still.
                foreach (var (n, due) in run.Due.ToArray())
                {
                    run.Due[n] = due > from ? due + (e.At - from) : e.At;
                }

                run.Pauses.Add((from, e.At));
                run.PausedAt = null;
                break;
            case DrillEnded:
                if (run.PausedAt is { } open)
                {
                    run.Pauses.Add((open, e.At));
                    run.PausedAt = null;
                }

                run.EndedAt ??= e.At;
                break;
            case HotwashNoted note:
                run.Hotwash.Add((e.At, e.Actor, note.Text));
                break;
        }
    }

    /// <summary>Records what the players reached while a drill runs (the score reads it).</summary>
    private void TrackDrill(IncidentEvent e)
    {
        if (Drill is { IsRunning: true } run && e.Data is not DrillEvent)
        {
            foreach (var m in DrillMilestone.Reached(e.Data, Lead))
            {
                run.Reached.Add((e.At, m, e.Data is RoleAssigned r ? r.User : e.Actor));
            }
        }
    }
}
