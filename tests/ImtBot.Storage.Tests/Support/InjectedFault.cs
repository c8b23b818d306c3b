namespace ImtBot.Storage.Tests.Support;

/// <summary>The fault tests throw from the writer's fault points.</summary>
public sealed class InjectedFault(string message) : Exception(message);
