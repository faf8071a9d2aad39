using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CoproWeek.Hub.Runtime;
using NCrontab;

namespace CoproWeek.Host.Timers;

/// <summary>When a timer last fired and when it fires next, kept in a blob as the Functions host keeps it.</summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>
/// Fires one timer function on its schedule, as the Functions host does: each occurrence runs once
/// across every host on the storage account (a blob lease decides who runs it, the status blob says
/// it ran), and an occurrence missed while no host was up runs once at start-up with IsPastDue.
/// </summary>
public sealed class TimerScheduler(
    string functionName,
    CrontabSchedule schedule,
    FunctionCatalog.TimerInvoker invoke,
    BlobContainerClient hosts,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private BlobClient StatusBlob => hosts.GetBlobClient($"timers/{functionName}/status");
    private BlobClient LockBlob => hosts.GetBlobClient($"locks/{functionName}");

    public async Task RunAsync(CancellationToken stopping)
    {
        var caughtUp = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!caughtUp)
                {
                    await CatchUpAsync(stopping);
                    caughtUp = true;
                }
                var now = time.GetUtcNow();
                var next = Schedules.Next(schedule, now);
                await Task.Delay(next - now, time, stopping);
                await FireAsync(next, isPastDue: false, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A storage outage or a failing function must not stop the host (and every other trigger with it):
                // log it and try again. An occurrence that failed is caught up as past due once storage answers.
                logger.LogError(e, "Timer {Function} failed; trying again in {Delay}", functionName, RetryDelay);
                caughtUp = false;
                try
                {
                    await Task.Delay(RetryDelay, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Runs a missed occurrence once, past due; on the very first start only records the schedule.</summary>
    internal async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = await ReadStatusAsync(cancellationToken);
        if (status is null)
        {
            await WriteStatusAsync(new ScheduleStatus(now, Schedules.Next(schedule, now), now), cancellationToken);
            return;
        }
        if (Schedules.Next(schedule, status.Last) <= now)
        {
            // However many occurrences were missed, the function runs once, for the latest of them.
            var due = Schedules.LatestOccurrence(schedule, now, now - status.Last) ?? now;
            logger.LogWarning("Timer {Function} missed its occurrence at {Occurrence}; running it now, past due", functionName, due);
            await FireAsync(due, isPastDue: true, cancellationToken);
        }
    }

    /// <summary>Runs the occurrence unless another host already has. Returns whether this host ran it.</summary>
    internal async Task<bool> FireAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken cancellationToken)
    {
        var lease = await AcquireLeaseAsync(occurrence, cancellationToken);
        if (lease is null)
        {
            return false;
        }
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(lease, renewing.Token);
        try
        {
            var status = await ReadStatusAsync(cancellationToken);
            if (status is not null && status.Last >= occurrence)
            {
                return false;
            }

            logger.LogInformation("Timer {Function} firing for {Occurrence} (past due: {IsPastDue})", functionName, occurrence, isPastDue);
            await using (var scope = scopes.CreateAsyncScope())
            {
                await invoke(scope.ServiceProvider, new TimerTick(occurrence, isPastDue), cancellationToken);
            }
            var now = time.GetUtcNow();
            await WriteStatusAsync(new ScheduleStatus(occurrence, Schedules.Next(schedule, now), now), cancellationToken);
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // The lease ran out; it frees itself.
            }
        }
    }

    /// <summary>Takes the timer's lease, waiting while another host holds it; null if that host ran this occurrence meanwhile.</summary>
    private async Task<BlobLeaseClient?> AcquireLeaseAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        try
        {
            await LockBlob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already there (or leased by another host): what we want.
        }

        var lease = LockBlob.GetBlobLeaseClient();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
                return lease;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var status = await ReadStatusAsync(cancellationToken);
                if (status is not null && status.Last >= occurrence)
                {
                    return null;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            }
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, time, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException e)
        {
            logger.LogWarning("Timer {Function} lost its lease: {Reason}", functionName, e.ErrorCode);
        }
    }

    internal async Task<ScheduleStatus?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await StatusBlob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(JsonSerializerOptions.Web);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    internal Task WriteStatusAsync(ScheduleStatus status, CancellationToken cancellationToken) =>
        StatusBlob.UploadAsync(BinaryData.FromObjectAsJson(status, JsonSerializerOptions.Web),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
}
