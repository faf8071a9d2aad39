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
            var state = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            try
            {
                var now = time.GetUtcNow();
                if (!state.HasValue)
                {
                    await Table.AddEntityAsync(new TableEntity(Partition, Row) { ["Pending"] = true, ["RequestedAt"] = now, ["Rebuilds"] = 0 }, cancellationToken);
                }
                else if (state.Value!.GetBoolean("Pending") == true && now - (state.Value.GetDateTimeOffset("RequestedAt") ?? now) < LostAfter)
                {
                    return;
                }
                else
                {
                    // Not pending, or pending so long that its message must have been lost (poisoned): ask again.
                    state.Value["Pending"] = true;
                    state.Value["RequestedAt"] = now;
                    await Table.UpdateEntityAsync(state.Value, state.Value.ETag, TableUpdateMode.Replace, cancellationToken);
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
            var state = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            try
            {
                if (!state.HasValue)
                {
                    await Table.AddEntityAsync(new TableEntity(Partition, Row) { ["Pending"] = false, ["Rebuilds"] = 1 }, cancellationToken);
                    return;
                }
                state.Value!["Pending"] = false;
                state.Value["Rebuilds"] = (state.Value.GetInt32("Rebuilds") ?? 0) + 1;
                await Table.UpdateEntityAsync(state.Value, state.Value.ETag, TableUpdateMode.Replace, cancellationToken);
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
        var state = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return state.HasValue ? state.Value!.GetInt32("Rebuilds") ?? 0 : 0;
    }
}
