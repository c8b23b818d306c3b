namespace ImtBot.Slack.Payloads;

/// <summary>
/// A delivery whose payload is not what Slack sends (not JSON, a required field missing, a field of the wrong type).
/// Thrown only while reading a payload, before anything is handled; the message names the payload and the JSON path,
/// never its content.
/// </summary>
public sealed class SlackPayloadException : Exception
{
    public SlackPayloadException(string message)
        : base(message)
    {
    }

    public SlackPayloadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
