using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>
/// The outbox steps of one commit, stored as one document: <c>_id</c> = an ascending store-made id (sequential keys
/// are cheap to insert in LiteDB's skip lists), <c>incident</c>, <c>platform</c>, <c>createdAt</c>, <c>wake</c>
/// (indexed) and <c>steps</c> (<see cref="StepDocument"/>s). <c>wake</c> is the earliest wake of its unfinished steps,
/// null once all are done or dead, so leasing and the next wake-up read only the front of that index, and a commit
/// costs one document and two index nodes however many steps it has.
/// </summary>
internal static class GroupDocument
{
    /// <summary>The indexed field: when the dispatcher must next look at the group (ticks), null when never again.</summary>
    public const string Wake = "wake";

    public const string Steps = "steps";

    /// <summary>
    /// The indexed field for priority: the earliest wake of the group's unfinished urgent steps
    /// (<see cref="StepDocument.IsUrgent"/>), null when it has none, so a lease finds a new incident's channel and pages
    /// without reading the card refreshes queued before them.
    /// </summary>
    public const string Urgent = "urgent";

    // Step fields written only once they have a value (absent reads as null).
    private static readonly string[] OptionalFields = ["lastError", "leaseOwner", "leaseUntil", "completedAt"];

    /// <summary>The group of a commit's steps, or null when it has none.</summary>
    public static BsonDocument? New(IReadOnlyList<NewStep> steps, DateTimeOffset now)
    {
        if (steps.Count == 0)
        {
            return null;
        }

        var first = steps[0];
        var id = StepDocument.Next();
        var array = new BsonArray();
        foreach (var s in steps)
        {
            var step = StepDocument.New(s);
            if (s.Incident != first.Incident)
            {
                step["incident"] = s.Incident;
            }

            if (s.Platform != first.Platform)
            {
                step["platform"] = s.Platform;
            }

            array.Add(step);
        }

        var group = new BsonDocument
        {
            ["_id"] = id,
            ["incident"] = first.Incident,
            ["platform"] = first.Platform,
            ["createdAt"] = Times.ToTicks(now),
            [Steps] = array,
        };
        Refresh(group);
        return group;
    }

    /// <summary>True for a step document from before step groups (<c>_id</c> = step key, no <c>steps</c>).</summary>
    public static bool IsOldStep(BsonDocument d) => d["_id"].IsString && !d.ContainsKey(Steps);

    /// <summary>An old one-document step as a group of one, keeping everything it recorded.</summary>
    public static BsonDocument FromOldStep(BsonDocument old)
    {
        var step = new BsonDocument
        {
            ["key"] = old["_id"].AsString,
            ["order"] = StepDocument.Order(old),
            ["kind"] = old["kind"],
            ["payload"] = old["payload"],
            ["dueAt"] = old["dueAt"],
            ["status"] = old["status"],
            ["attempts"] = old["attempts"],
        };
        foreach (var field in OptionalFields)
        {
            if (!old[field].IsNull)
            {
                step[field] = old[field];
            }
        }

        var group = new BsonDocument
        {
            ["_id"] = StepDocument.Next(),
            ["incident"] = old["incident"],
            ["platform"] = old["platform"],
            ["createdAt"] = old["createdAt"],
            [Steps] = new BsonArray { step },
        };
        Refresh(group);
        return group;
    }

    /// <summary>Recomputes the indexed fields (<see cref="Wake"/>, <see cref="Urgent"/>) after a step changed.</summary>
    public static void Refresh(BsonDocument group)
    {
        group[Wake] = WakeOf(group);
        group[Urgent] = WakeOf(group, urgentOnly: true);
    }

    /// <summary>
    /// Set on a group whose due steps all wait behind an earlier held step of their incident (one that failed or waits
    /// its turn): the holder's wake (ticks). None of them can run before it, so until then the group's wake says so and
    /// a lease does not read it again and again. Steps that do not wait for their incident's order (timers, pages) keep
    /// their own wake.
    /// </summary>
    public const string Parked = "parked";

    /// <summary>The earliest wake of the group's unfinished (urgent) steps, or null when there is none.</summary>
    public static BsonValue WakeOf(BsonDocument group, bool urgentOnly = false)
    {
        long? earliest = null;
        var parked = group[Parked].IsInt64 ? group[Parked].AsInt64 : long.MinValue;
        foreach (var s in group[Steps].AsArray)
        {
            var step = s.AsDocument;
            if ((!urgentOnly || StepDocument.IsUrgent(step["kind"].AsString))
                && StepDocument.WakeOf(step) is { } due
                && (StepOrder.WaitsForEarlier(step["kind"].AsString) ? Math.Max(due, parked) : due) is var wake
                && (earliest is null || wake < earliest))
            {
                earliest = wake;
            }
        }

        return earliest is { } value ? new BsonValue(value) : BsonValue.Null;
    }

    /// <summary>The stored step with this key, or null.</summary>
    public static BsonDocument? Find(BsonDocument group, string key)
    {
        if (!group[Steps].IsArray)
        {
            return null;
        }

        foreach (var s in group[Steps].AsArray)
        {
            if (s.AsDocument["key"].AsString == key)
            {
                return s.AsDocument;
            }
        }

        return null;
    }

    /// <summary>The group's steps as the port returns them.</summary>
    public static IEnumerable<OutboxStep> Unwind(BsonDocument group) =>
        group[Steps].AsArray.Select(s => StepDocument.FromBson(group, s.AsDocument));
}
