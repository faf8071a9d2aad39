using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Host.Queues;

/// <summary>
/// Listens to one queue as the Functions host's queue trigger does: competing consumers, batches,
/// exponential back-off when idle, delete only after success, retry after the visibility timeout,
/// and after <c>maxDequeueCount</c> failures the message moves, unchanged, to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed class QueueListener(
    string functionName,
    QueueClient queue,
    QueueClient poison,
    FunctionCatalog.QueueInvoker invoke,
    QueueListenerOptions options,
    IServiceScopeFactory scopes,
    QueueActivity activity,
    string activityName,
    TimeProvider time,
    ILogger logger)
{
    private int _inFlight;
    private readonly SemaphoreSlim _slotFreed = new(0);
    private readonly Lock _idleGate = new();
    private readonly List<TaskCompletionSource> _newIdleWatchers = [];
    private TaskCompletionSource? _wake;
    private int _idleWatchers;

    /// <summary>
    /// Completes when this listener next looks at its queue (at once, not after its back-off) and finds no message due
    /// and none of its own still being handled: the queue is drained and the listener idle. Messages sent with a delay
    /// are not due until their delay ends. Tests wait on this before checking that nothing more happened.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        var watcher = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_idleGate)
        {
            _newIdleWatchers.Add(watcher);
            _wake?.TrySetResult();
        }
        return watcher.Task.WaitAsync(cancellationToken);
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.MinPollingInterval;
        var running = new HashSet<Task>();
        var watching = new List<TaskCompletionSource>();
        while (!stopping.IsCancellationRequested)
        {
            if (Volatile.Read(ref _inFlight) > options.EffectiveNewBatchThreshold)
            {
                await WaitQuietlyAsync(_slotFreed.WaitAsync(stopping));
                continue;
            }

            watching.AddRange(TakeNewIdleWatchers());
            Volatile.Write(ref _idleWatchers, watching.Count);
            // Read before the poll: only this loop starts handlers, so an empty poll after this means nothing is left.
            var nothingInHand = Volatile.Read(ref _inFlight) == 0;
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, stopping)).Value;
                if (messages.Length == 0 && nothingInHand)
                {
                    watching.ForEach(w => w.TrySetResult());
                    watching.Clear();
                    Volatile.Write(ref _idleWatchers, 0);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Whatever went wrong reading the queue (storage down, a timeout, a dropped connection), the listener
                // must live on: a listener that died would leave its queue unread until the host restarts.
                logger.LogError(e, "Could not read queue {Queue} for {Function}; trying again in {Delay}", queue.Name, functionName, delay);
                messages = [];
            }

            if (messages.Length == 0)
            {
                // Someone waits for idle and the handlers that were running have finished since the poll: look again now.
                var lookAgain = watching.Count > 0 && !nothingInHand && Volatile.Read(ref _inFlight) == 0;
                if (!lookAgain)
                {
                    await WaitQuietlyAsync(Task.WhenAny(Task.Delay(delay, time, stopping), activity.WaitAsync(activityName), WakeSignal()));
                    delay = Min(delay * 2, options.MaxPollingInterval);
                }
                continue;
            }

            delay = options.MinPollingInterval;
            foreach (var message in messages)
            {
                Interlocked.Increment(ref _inFlight);
                var task = HandleAsync(message, stopping);
                running.Add(task);
                _ = task.ContinueWith(_ =>
                {
                    if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _idleWatchers) > 0)
                    {
                        Wake();
                    }
                    _slotFreed.Release();
                }, TaskScheduler.Default);
            }
            running.RemoveWhere(t => t.IsCompleted);
        }

        // Let the handlers already running finish, as the Functions host does on shutdown.
        await Task.WhenAll(running);
        foreach (var watcher in watching.Concat(TakeNewIdleWatchers()))
        {
            watcher.TrySetCanceled(stopping);
        }
    }

    /// <summary>Handles one message now, outside the polling loop (the admin API and tests use this too).</summary>
    internal async Task HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        var receipt = new Receipt(message.PopReceipt);
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // A message that already used its attempts (its host died mid-way) goes straight to poison.
            await MoveToPoisonAsync(message, receipt, null);
            return;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewal = RenewLeaseAsync(message, receipt, renewing.Token);
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await invoke(scope.ServiceProvider, message.Body, stopping);
        }
        catch (Exception e)
        {
            failure = e;
        }
        await renewing.CancelAsync();
        await renewal;

        try
        {
            if (failure is null)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None);
            }
            else if (failure is OperationCanceledException && stopping.IsCancellationRequested)
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, receipt, failure);
            }
            else
            {
                logger.LogWarning(failure, "{Function} failed on message {MessageId} (attempt {Attempt} of {MaxAttempts}); it will be retried",
                    functionName, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // The message's lease was lost (it became visible and another consumer took it); that consumer owns it now.
            logger.LogWarning("Lost the lease on message {MessageId} of {Queue}: {Reason}", message.MessageId, queue.Name, e.ErrorCode);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Storage did not answer: the message reappears when its lease runs out and is handled again (at least once).
            logger.LogError(e, "Could not finish message {MessageId} of {Queue}; it will be tried again when its lease ends", message.MessageId, queue.Name);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, Receipt receipt, Exception? failure)
    {
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None);
        logger.LogError(failure, "{Function} failed on message {MessageId} {Attempts} times; moved it to {PoisonQueue}",
            functionName, message.MessageId, message.DequeueCount, poison.Name);
    }

    private async Task RenewLeaseAsync(QueueMessage message, Receipt receipt, CancellationToken cancellationToken)
    {
        var every = options.MessageLease / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);
                var updated = await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: options.MessageLease, cancellationToken: cancellationToken);
                receipt.Value = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning("Could not renew the lease on message {MessageId} of {Queue}: {Reason}", message.MessageId, queue.Name, e.ErrorCode);
        }
    }

    private List<TaskCompletionSource> TakeNewIdleWatchers()
    {
        lock (_idleGate)
        {
            var taken = _newIdleWatchers.ToList();
            _newIdleWatchers.Clear();
            return taken;
        }
    }

    /// <summary>Ends the back-off early when someone starts waiting for idle, or the last handler finishes while someone waits.</summary>
    private Task WakeSignal()
    {
        lock (_idleGate)
        {
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_newIdleWatchers.Count > 0)
            {
                _wake.TrySetResult();
            }
            return _wake.Task;
        }
    }

    private void Wake()
    {
        lock (_idleGate)
        {
            _wake?.TrySetResult();
        }
    }

    private static async Task WaitQuietlyAsync(Task wait)
    {
        try
        {
            await wait;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The message's current pop receipt: each lease renewal replaces it.</summary>
    private sealed class Receipt(string value)
    {
        public string Value { get; set; } = value;
    }
}
