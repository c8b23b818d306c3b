namespace ImtBot.Core.Ports;

/// <summary>
/// A store whose database hands out incident numbers itself (a sequence), for stores shared by several processes,
/// where a counter in one process's memory would give two declarations the same number. A number it hands out is
/// never handed out again, even when the declaration that took it did not commit (numbers may have gaps).
/// </summary>
public interface IIncidentNumberSequence
{
    int ReserveIncidentNumber();
}
