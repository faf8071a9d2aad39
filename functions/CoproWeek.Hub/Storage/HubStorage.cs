using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Storage;

/// <summary>
/// Every table, container and queue the hub uses, by name. One instance per process; the SDK clients
/// it hands out are thread-safe and cheap to keep.
/// </summary>
public sealed class HubStorage
{
    public static class TableNames
    {
        /// <summary>
        /// Three kinds of row. Each event or story: partition and row key its id (<see cref="Submissions.Submission"/>).
        /// The review queue: partition <c>review</c>, one row per item waiting for a person, keyed by submission time
        /// and id (<see cref="Moderation.ReviewEntry"/>, kept by <see cref="Moderation.ReviewQueue"/>). The duplicate
        /// index: one partition per hash of an event's duplicate key (<c>dup-</c> and 32 hex digits), one row of keys
        /// only per event filed under it (<see cref="Moderation.DuplicateEntry"/>, kept by <see cref="Moderation.DuplicateIndex"/>).
        /// Item ids are 20 hex digits, so no item's partition is ever <c>review</c> or <c>dup-…</c>.
        /// </summary>
        public const string Submissions = "Submissions";
        /// <summary>One row per decision, partition the item id (<see cref="Moderation.LogEntry"/>); rows are only added.</summary>
        public const string ModerationLog = "ModerationLog";
        /// <summary>One row per subscriber, partition and row key the address hash (<see cref="Subscriptions.Subscriber"/>).</summary>
        public const string Subscribers = "Subscribers";
        /// <summary>
        /// Two kinds of row. Runs: partition <c>run-{frequency}</c>, row key the run id (<see cref="Digests.DigestRun"/>).
        /// Batches: partition the run id, row key <c>b00000</c> (<see cref="Digests.DigestBatch"/>).
        /// </summary>
        public const string Digests = "Digests";
        /// <summary>
        /// Four partitions, four kinds of row: <c>moderator</c> (one per name), <c>key</c> (one per working key),
        /// <c>session</c> (moderation page sign-ins) and <c>throttle</c> (wrong keys per client); see <see cref="Moderation.Moderators"/>.
        /// </summary>
        public const string Moderators = "Moderators";
        /// <summary>One row per Idempotency-Key and submitter: the claim, then the answer to replay (<see cref="Http.Idempotency"/>).</summary>
        public const string Idempotency = "Idempotency";
        /// <summary>What went live, one partition per UTC day (<see cref="Publishing.PublishedItem"/>).</summary>
        public const string Published = "Published";
        /// <summary>
        /// Two kinds of row. Each email: partition its id, row key <c>email</c> (<see cref="Email.EmailClaim"/>). A daily
        /// count of emails marked uncertain: partition <c>tally-uncertain</c> (<see cref="Email.UncertainDay"/>).
        /// </summary>
        public const string EmailLedger = "EmailLedger";
        /// <summary>
        /// Two kinds of row. What the site shows of each item: partition the kind (<c>event</c>, <c>post</c>), row key the id
        /// (<see cref="Publishing.SiteEntry"/>). The index rebuilds' state: partition <c>state</c>, row <c>indexes</c>
        /// (see <see cref="Publishing.IndexRebuilds"/>).
        /// </summary>
        public const string SiteIndex = "SiteIndex";
        /// <summary>One row per run, batch and subscriber, one partition per batch (<see cref="Digests.DigestLedgerEntry"/>).</summary>
        public const string DigestLedger = "DigestLedger";
        /// <summary>One row per suppressed address hash, with the reason.</summary>
        public const string Suppression = "Suppression";
        /// <summary>
        /// Per mailbox hash: whether its owner confirmed it and its last confirmation email (row <c>address</c>,
        /// <see cref="Contacts.MailboxRow"/>), and the submissions waiting for it (rows <c>waiting-{id}</c>, <see cref="Contacts.WaitingRow"/>).
        /// </summary>
        public const string Contacts = "Contacts";
        /// <summary>SendGrid webhook events acted on, by hash of the event id (see <see cref="Subscriptions.EmailEventLedger"/>).</summary>
        public const string EmailEvents = "EmailEvents";
        public static readonly IReadOnlyList<string> All = [Submissions, ModerationLog, Subscribers, Digests, Moderators, Idempotency, Published, EmailLedger, SiteIndex, DigestLedger, Suppression, Contacts, EmailEvents];
    }

    public static class ContainerNames
    {
        public const string Submissions = "submissions";
        public const string Outbox = "outbox";
        public const string Hosts = "coproweek-hosts";
        public const string Digests = "digests";
        /// <summary>Per-client request counts, one append blob per client, action and hour (see Limits/ClientLimits).</summary>
        public const string Limits = "limits";
        public static readonly IReadOnlyList<string> All = [Submissions, Outbox, Hosts, Digests, Limits];
    }

    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly QueueServiceClient _queues;

    public HubStorage(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, IOptions<StorageOptions> options)
    {
        _tables = tables;
        _blobs = blobs;
        _queues = queues;
        Options = options.Value;
    }

    public StorageOptions Options { get; }
    public BlobServiceClient BlobService => _blobs;
    public QueueServiceClient QueueService => _queues;
    public TableServiceClient TableService => _tables;

    public string TableName(string name) => Options.Prefix + name;
    public string ContainerName(string name) => Options.Prefix.Length == 0 ? name : $"{Options.Prefix}-{name}";
    public string QueueName(string name) => Options.Prefix.Length == 0 ? name : $"{Options.Prefix}-{name}";

    public TableClient Table(string name) => _tables.GetTableClient(TableName(name));
    public BlobContainerClient Container(string name) => _blobs.GetBlobContainerClient(ContainerName(name));
    public BlobContainerClient Site => _blobs.GetBlobContainerClient(Options.Prefix.Length == 0 ? Options.SiteContainer : $"{Options.Prefix}-web");

    /// <summary>A queue client with the message encoding the Functions host expects (set where the service client is registered).</summary>
    public QueueClient Queue(string name) => _queues.GetQueueClient(QueueName(name));

    /// <summary>
    /// Creates whichever tables, containers and queues (with their poison twins) are missing, and returns how many it
    /// created. When all exist, as in Azure where the Bicep declares them, that costs three listings and creates nothing.
    /// Safe to call from any number of hosts.
    /// </summary>
    public async Task<int> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var containers = new HashSet<string>(StringComparer.Ordinal);
        var queues = new HashSet<string>(StringComparer.Ordinal);
        // Table names hold letters and digits only, all below '{': this range is exactly the names that start with the prefix.
        var tableFilter = Options.Prefix.Length == 0 ? null : TableClient.CreateQueryFilter($"TableName ge {Options.Prefix} and TableName lt {Options.Prefix + "{"}");
        await Task.WhenAll(
            CollectAsync(_tables.QueryAsync(tableFilter, cancellationToken: cancellationToken), t => t.Name, tables),
            CollectAsync(_blobs.GetBlobContainersAsync(prefix: Options.Prefix, cancellationToken: cancellationToken), c => c.Name, containers),
            CollectAsync(_queues.GetQueuesAsync(prefix: Options.Prefix, cancellationToken: cancellationToken), q => q.Name, queues));

        var work = new List<Task>();
        work.AddRange(TableNames.All.Where(t => !tables.Contains(TableName(t))).Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        work.AddRange(ContainerNames.All.Select(Container).Append(Site).Where(c => !containers.Contains(c.Name))
            .Select(c => c.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(Triggers.Queues.All.SelectMany(q => new[] { q, q + Triggers.Queues.PoisonSuffix }).Select(Queue).Where(q => !queues.Contains(q.Name))
            .Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);
        return work.Count;
    }

    private static async Task CollectAsync<T>(AsyncPageable<T> items, Func<T, string> name, HashSet<string> into) where T : notnull
    {
        await foreach (var item in items)
        {
            into.Add(name(item));
        }
    }

    /// <summary>Deletes everything this prefix owns. Tests and benchmarks only: refuses to run without a prefix.</summary>
    internal async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        if (Options.Prefix.Length == 0)
        {
            throw new InvalidOperationException("Refusing to delete unprefixed storage.");
        }
        var work = new List<Task>();
        work.AddRange(TableNames.All.Select(t => Table(t).DeleteAsync(cancellationToken)));
        work.AddRange(ContainerNames.All.Select(c => Container(c).DeleteIfExistsAsync(cancellationToken: cancellationToken)));
        work.Add(Site.DeleteIfExistsAsync(cancellationToken: cancellationToken));
        foreach (var queue in Triggers.Queues.All)
        {
            work.Add(Queue(queue).DeleteIfExistsAsync(cancellationToken));
            work.Add(Queue(queue + Triggers.Queues.PoisonSuffix).DeleteIfExistsAsync(cancellationToken));
        }
        try
        {
            await Task.WhenAll(work);
        }
        catch (RequestFailedException)
        {
            // Best effort: a test's storage that is already gone is fine.
        }
    }
}
