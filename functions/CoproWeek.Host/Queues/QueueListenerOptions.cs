namespace CoproWeek.Host.Queues;

/// <summary>
/// The Functions host's queue settings, read from host.json <c>extensions.queues</c> with the same
/// names and defaults, so the self-host retries, backs off and poisons exactly as Azure does.
/// </summary>
public sealed class QueueListenerOptions
{
    public const string Section = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>Messages fetched at once (1 to 32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Fetch the next batch when this many or fewer are still being handled. Default: half the batch.</summary>
    public int NewBatchThreshold { get; set; } = -1;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failed message stays invisible before it is tried again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Attempts before a message moves to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public string MessageEncoding { get; set; } = "base64";

    /// <summary>How long a message being handled stays invisible; renewed at half-time while its handler runs.</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait after an empty poll; doubles up to <see cref="MaxPollingInterval"/>.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public int EffectiveNewBatchThreshold => NewBatchThreshold >= 0 ? NewBatchThreshold : BatchSize / 2;

    public void Validate()
    {
        if (BatchSize is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "host.json extensions.queues.batchSize must be between 1 and 32.");
        }
        if (MaxDequeueCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDequeueCount), MaxDequeueCount, "host.json extensions.queues.maxDequeueCount must be at least 1.");
        }
        if (MaxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPollingInterval), MaxPollingInterval, "host.json extensions.queues.maxPollingInterval must be at least 00:00:00.1.");
        }
    }
}
