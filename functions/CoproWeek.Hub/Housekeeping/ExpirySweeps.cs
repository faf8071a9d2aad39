using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoproWeek.Hub.Housekeeping;

/// <summary>
/// One kind of row that expires (idempotency keys, sign-in throttles, sessions…). The daily
/// <see cref="CleanUpExpired"/> runs every sweep registered with <see cref="ExpirySweepRegistration.AddExpirySweep{T}"/>.
/// </summary>
public interface IExpirySweep
{
    /// <summary>What the rows are, in the clean-up's log ("idempotency keys").</summary>
    string Kind { get; }

    /// <summary>Removes the rows whose time is up at <paramref name="now"/>; returns how many went.</summary>
    Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

public static class ExpirySweepRegistration
{
    /// <summary>Adds a kind of expiring rows to the daily clean-up (the sweep is the same singleton the feature uses, if it is one).</summary>
    public static IServiceCollection AddExpirySweep<T>(this IServiceCollection services) where T : class, IExpirySweep
    {
        services.TryAddSingleton<T>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpirySweep, T>(sp => sp.GetRequiredService<T>()));
        return services;
    }
}

/// <summary>Removing expired rows from a table, for sweeps.</summary>
public static class ExpiredRows
{
    private const int Parallelism = 8;

    /// <summary>
    /// Reads the rows <paramref name="filter"/> selects (null: the whole table; keep it to a partition where the rows
    /// allow), and deletes those <paramref name="expired"/> says are over, each on the ETag it was read with, so a row
    /// renewed meanwhile stays. Returns how many were deleted.
    /// </summary>
    public static async Task<int> RemoveAsync<T>(TableClient table, string? filter, IEnumerable<string> select, Func<T, bool> expired, CancellationToken cancellationToken)
        where T : ITableRow<T>
    {
        var removed = 0;
        var rows = table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", .. select], cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            if (!expired(T.FromEntity(row)))
            {
                return;
            }
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct);
                Interlocked.Increment(ref removed);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone already (another host's clean-up) or renewed since we read it.
            }
        });
        return removed;
    }
}
