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

    public async Task RunAsync(CancellationToken stopping)
    {
        var delay = options.MinPollingInterval;
        var running = new HashSet<Task>();
        while (!stopping.IsCancellationRequested)
        {
            if (Volatile.Read(ref _inFlight) > options.EffectiveNewBatchThreshold)
            {
                await WaitQuietlyAsync(_slotFreed.WaitAsync(stopping));
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, stopping)).Value;
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
                await WaitQuietlyAsync(Task.WhenAny(Task.Delay(delay, time, stopping), activity.WaitAsync(activityName)));
                delay = Min(delay * 2, options.MaxPollingInterval);
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
                    Interlocked.Decrement(ref _inFlight);
                    _slotFreed.Release();
                }, TaskScheduler.Default);
            }
            running.RemoveWhere(t => t.IsCompleted);
        }

        // Let the handlers already running finish, as the Functions host does on shutdown.
        await Task.WhenAll(running);
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
