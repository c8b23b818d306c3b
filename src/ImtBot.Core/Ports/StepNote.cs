namespace ImtBot.Core.Ports;

/// <summary>
/// Stores links for the running step durably before the platform goes on (<see cref="IOutbox.NoteStepAsync"/>): a
/// platform notes what it is about to do that a crash could leave unknown, such as a post it is about to send and
/// when, so the step's next attempt searches only where that post can be. Throws <see cref="LeaseLostException"/>
/// when the step is no longer this holder's.
/// </summary>
public delegate Task StepNote(IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken);
