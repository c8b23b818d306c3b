namespace ImtBot.Core.Ports;

public enum OutboxStatus
{
    Pending,
    InFlight,
    Done,
    Dead,
}
