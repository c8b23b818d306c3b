namespace ImtBot.Slack.Payloads;

/// <summary><c>state</c> of a message or a view: <c>values[block_id][action_id]</c> → the input's current value.</summary>
public sealed record BlockState
{
    public Dictionary<string, Dictionary<string, BlockInputValue>> Values { get; init; } = [];

    /// <summary>The values flattened to action_id → value (block ids are unique per surface; cards name action ids).</summary>
    public Dictionary<string, BlockInputValue> ByActionId()
    {
        var inputs = new Dictionary<string, BlockInputValue>(StringComparer.Ordinal);
        foreach (var block in Values.Values)
        {
            foreach (var (actionId, value) in block)
            {
                inputs[actionId] = value;
            }
        }

        return inputs;
    }
}
