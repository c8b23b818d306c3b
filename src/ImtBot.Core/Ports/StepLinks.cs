namespace ImtBot.Core.Ports;

/// <summary>
/// Links that belong to one outbox step alone: a note of a post it is about to send, a message it posted before it was
/// sent away to wait for its turn. They are named under the step's key and a store removes them when the step
/// completes or is dead-lettered, so they do not pile up beside the incident's lasting links (channel, card) that
/// every later step reads.
/// </summary>
public static class StepLinks
{
    /// <summary>What every link of step <paramref name="stepKey"/> starts with.</summary>
    public static string Prefix(string stepKey) => "step:" + stepKey + ":";

    /// <summary>The link <paramref name="name"/> of step <paramref name="stepKey"/>.</summary>
    public static string Name(string stepKey, string name) => Prefix(stepKey) + name;
}
