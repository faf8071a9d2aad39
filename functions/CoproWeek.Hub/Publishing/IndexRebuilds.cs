using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Publishing;

/// <summary>
/// Coalesces index rebuilds: publishing marks the indexes as needing a rebuild, and only the first mark
/// since the last rebuild (won with a conditional write) puts a delayed message on the indexes queue.
/// A burst of approvals costs a handful of rebuilds, not one each.
/// </summary>
public sealed class IndexRebuilds(HubStorage storage, QueueSender queues, TimeProvider time)
{
    /// <summary>How long a rebuild waits, gathering the publishes that follow the first.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>A rebuild asked for this long ago and still not begun is taken as lost, so a poisoned message cannot stop all rebuilds.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(2);

    private const string Partition = "state";
    private const string Row = "indexes";

    private TableClient Table => storage.Table(HubStorage.TableNames.SiteIndex);

    /// <summary>Asks for a rebuild; sends a message only if none is pending.</summary>
    /// <param name="delay">How long the rebuild waits to gather more publishes; none at start-up, where nothing else is coming.</param>
    public async Task RequestAsync(CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        while (true)
        {
            var state = await Table.GetRowAsync<State>(Partition, Row, cancellationToken);
            try
            {
                var now = time.GetUtcNow();
                if (state is null)
                {
                    await Table.AddEntityAsync(new State { Pending = true, RequestedAt = now, Rebuilds = 0 }.ToEntity(), cancellationToken);
                }
                else if (state.Pending && now - (state.RequestedAt ?? now) < LostAfter)
                {
                    return;
                }
                else
                {
                    // Not pending, or pending so long that its message must have been lost (poisoned): ask again.
                    await Table.UpdateEntityAsync((state with { Pending = true, RequestedAt = now }).ToEntity(), state.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                await queues.SendAsync(Triggers.Queues.Indexes, new RebuildMessage(time.GetUtcNow()), cancellationToken, delay ?? Delay);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another publisher or the rebuilder changed the state meanwhile: look again.
            }
        }
    }

    /// <summary>Clears the pending mark before a rebuild reads the table, so anything published after this asks for another.</summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await Table.GetRowAsync<State>(Partition, Row, cancellationToken);
            try
            {
                if (state is null)
                {
                    await Table.AddEntityAsync(new State { Pending = false, Rebuilds = 1 }.ToEntity(), cancellationToken);
                    return;
                }
                await Table.UpdateEntityAsync((state with { Pending = false, Rebuilds = state.Rebuilds + 1 }).ToEntity(), state.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
        }
    }

    /// <summary>How many full rebuilds have run (for operators and the publish benchmark).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var state = await Table.GetRowAsync<State>(Partition, Row, cancellationToken);
        return state?.Rebuilds ?? 0;
    }

    /// <summary>
    /// The row <c>state</c>/<c>indexes</c> of table <c>SiteIndex</c>: whether a rebuild was asked for and has not begun,
    /// when it was asked for, and how many rebuilds have begun. Changed only with its ETag.
    /// </summary>
    private sealed record State : ITableRow<State>
    {
        public bool Pending { get; init; }
        public DateTimeOffset? RequestedAt { get; init; }
        public int Rebuilds { get; init; }
        public ETag ETag { get; init; }

        public TableEntity ToEntity() => new TableEntity(Partition, Row).With(
            (nameof(Pending), Pending), (nameof(RequestedAt), RequestedAt), (nameof(Rebuilds), Rebuilds));

        public static State FromEntity(TableEntity e) => new()
        {
            Pending = e.GetBoolean(nameof(Pending)) ?? false,
            RequestedAt = e.GetDateTimeOffset(nameof(RequestedAt)),
            Rebuilds = e.GetInt32(nameof(Rebuilds)) ?? 0,
            ETag = e.ETag,
        };
    }
}
