namespace ImtBot.Teams.Connector;

/// <summary>At most <see cref="Count"/> requests in any <see cref="Window"/> (a sliding window).</summary>
internal readonly record struct WindowLimit(int Count, TimeSpan Window);
