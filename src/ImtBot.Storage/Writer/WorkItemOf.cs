using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>A <see cref="WorkItem"/> with a result, completed (asynchronously for its awaiter) once durable.</summary>
internal sealed class WorkItemOf<T>(Func<LiteDatabase, T> work, CommitRequest? request, bool exclusive, CancellationToken cancellation)
    : WorkItem(request, exclusive, cancellation)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override void Run(LiteDatabase db)
    {
        Error = null;
        _result = work(db);
    }

    public override void Succeed() => _completion.TrySetResult(_result);

    public override void Fail(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(Cancellation);
}
