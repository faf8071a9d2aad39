namespace CoproWeek.Hub.Storage;

/// <summary>Puts messages on the hub's queues as JSON, and wakes any listener in this process at once.</summary>
public sealed class QueueSender(HubStorage storage, QueueActivity activity)
{
    /// <summary>
    /// How long a safety-net message stays invisible. A change that must be followed by a message (a moderator's
    /// decision, an author's edit or withdrawal) first sends a copy of that message with this delay, then writes
    /// the change, then sends the message itself. If the process dies in between, the delayed copy does the work
    /// a minute later; if not, the copy's handler finds nothing left to do.
    /// </summary>
    public static readonly TimeSpan SafetyNetDelay = TimeSpan.FromMinutes(1);

    /// <param name="timeToLive">How long the message may wait before it expires unhandled; the queue's default (7 days) when null.</param>
    public async Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken, TimeSpan? delay = null, TimeSpan? timeToLive = null)
    {
        await storage.Queue(queue).SendMessageAsync(HubJson.Serialize(message), visibilityTimeout: delay, timeToLive: timeToLive, cancellationToken: cancellationToken);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            activity.Notify(queue);
        }
    }
}

/// <summary>
/// Tells queue listeners in this process that a message was just sent, so they poll now instead of
/// waiting out their back-off. Listeners in other processes still find the message by polling.
/// </summary>
public sealed class QueueActivity
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public void Notify(string queue)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (!_waiters.Remove(queue, out waiter))
            {
                return;
            }
        }
        waiter.TrySetResult();
    }

    /// <summary>Completes when a message is next sent to <paramref name="queue"/> from this process.</summary>
    public Task WaitAsync(string queue)
    {
        lock (_gate)
        {
            if (!_waiters.TryGetValue(queue, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[queue] = waiter;
            }
            return waiter.Task;
        }
    }
}
