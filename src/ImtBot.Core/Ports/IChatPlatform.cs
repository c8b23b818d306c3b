namespace ImtBot.Core.Ports;

/// <summary>A chat platform's outbound side: runs the effects of incidents that live on it.</summary>
public interface IChatPlatform
{
    /// <summary>One of <see cref="Platforms.PlatformNames"/>.</summary>
    string Name { get; }

    Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken);
}
