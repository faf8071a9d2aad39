using Azure.Data.Tables;
using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Storage;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>Webhook events remembered past the time SendGrid could still send them again.</summary>
public sealed class ExpiredEmailEvents(HubStorage storage) : IExpirySweep
{
    public string Kind => "email events";

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExpiredRows.RemoveAsync(storage.Table(HubStorage.TableNames.EmailEvents),
            TableClient.CreateQueryFilter($"Expires le {now}"), [], (EmailEventRow _) => true, cancellationToken);
}
