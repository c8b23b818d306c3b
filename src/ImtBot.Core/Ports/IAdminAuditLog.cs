using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Ports;

/// <summary>
/// The admin audit stream: org-wide changes that are not any one incident's (on-call lists, settings, API tokens),
/// hash-chained as incidents are. An append is durable before it completes, and is made before the change it records.
/// </summary>
public interface IAdminAuditLog
{
    Task AppendAsync(UserRef actor, EventData data, CancellationToken cancellationToken = default);
}
