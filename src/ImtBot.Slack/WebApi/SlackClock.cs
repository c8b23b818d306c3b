namespace ImtBot.Slack.WebApi;

/// <summary>
/// Slack's clock against ours. A message's <c>ts</c> is Slack's time, so finding in a channel's history a message this
/// host sent at a time of its own needs the difference. Every answer carries Slack's time in its <c>Date</c> header, to
/// the whole second, stamped somewhere between our sending and our receiving: the difference is known within those
/// bounds, and the latest answer's bounds are kept.
/// </summary>
public sealed class SlackClock
{
    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(1);

    private Offset? _offset;

    /// <summary>Slack's time minus ours lies between <see cref="Low"/> and <see cref="High"/>.</summary>
    public sealed record Offset(TimeSpan Low, TimeSpan High);

    /// <summary>The bounds from the latest answer with a <c>Date</c> header, or null before the first.</summary>
    public Offset? Current => Volatile.Read(ref _offset);

    /// <summary>An answer stamped <paramref name="stamped"/> (its <c>Date</c>) to a request sent at <paramref name="sent"/> and answered at <paramref name="received"/>, both ours.</summary>
    public void Observe(DateTimeOffset stamped, DateTimeOffset sent, DateTimeOffset received) =>
        Volatile.Write(ref _offset, new Offset(stamped - received, stamped + DateResolution - sent));
}
