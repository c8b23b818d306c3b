namespace ImtBot.Core.Ports;

/// <summary>The cards a reply can ask its adapter to show (<see cref="CommandReply.Card"/>); each is a card template's name.</summary>
public static class ReplyCards
{
    /// <summary>The incident's open checklist tasks by phase, one "Done" button each.</summary>
    public const string Checklist = "checklist";
}
