using Azure;
using Azure.Data.Tables;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Foundation;

/// <summary>
/// The one row style: each record reads back what it writes, writes only the columns it sets, and reads the rows
/// that earlier code wrote by hand (the same column names, types and status words), on real storage.
/// </summary>
public sealed class TableRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Monday = new(2027, 7, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_kind_of_row_reads_back_what_it_wrote()
    {
        var run = new DigestRun
        {
            Frequency = "weekly", Id = DigestRuns.RunId("weekly", Monday), From = Monday.AddDays(-7), To = Monday, Status = DigestRunStatus.Planned,
            Cursor = "abc", NextBatch = 3, Planned = 2500, ItemsWritten = true, Items = 4, Sent = 2400, Skipped = 90, Failed = 0, Uncertain = 10, BatchesDone = 3,
        };
        Assert.Equal(run, DigestRun.FromEntity(run.ToEntity()));

        var batch = new DigestBatch(run.Id, DigestRuns.BatchKey(2)) { Attempts = 2, Status = DigestBatchStatus.Failed, Failed = 7, Error = "refused" };
        Assert.Equal(batch, DigestBatch.FromEntity(batch.ToEntity()));

        var subscriber = new Subscriber
        {
            Id = new string('a', 64), Email = "reader@example.org", Status = SubscriberStatus.Active, Frequency = "daily", Regions = "wales,london",
            PendingTopics = "housing", ConfirmExpires = Monday.AddDays(7), CreatedAt = Monday.AddDays(-30), ConsentVersion = "v2",
        };
        Assert.Equal(subscriber, Subscriber.FromEntity(subscriber.ToEntity()));

        var claim = new EmailClaim("email-1") { State = EmailState.Uncertain, ClaimedAt = Monday, MarkedAt = Monday.AddMinutes(5) };
        Assert.Equal(claim, EmailClaim.FromEntity(claim.ToEntity()));
    }

    [Fact]
    public void A_record_with_only_some_properties_set_writes_only_those_columns()
    {
        var attempt = new DigestBatch("weekly-20270705T090000Z", DigestRuns.BatchKey(0)) { Attempts = 2 }.ToEntity();
        Assert.Equal(["Attempts"], Columns(attempt));

        var sending = new DigestLedgerEntry("p", new string('b', 64)) { Status = LedgerStatus.Sending }.ToEntity();
        Assert.Equal(["Status"], Columns(sending));

        Assert.Empty(Columns(new DigestLedgerEntry("p", new string('b', 64)).ToEntity()));
        Assert.Equal(["Status", "UnsubscribedAt"], Columns(Subscriber.StatusChange(new string('c', 64), SubscriberStatus.Unsubscribed, Monday)));
    }

    [Fact]
    public async Task Rows_written_by_hand_in_the_earlier_shapes_read_and_write_back_under_the_same_names()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var digests = storage.Table(HubStorage.TableNames.Digests);
        var runId = DigestRuns.RunId("weekly", Monday);

        // A run row as the planner used to insert it, then the totals merged onto it as they used to be.
        await digests.AddEntityAsync(new TableEntity(DigestRuns.RunPartition("weekly"), runId)
        {
            ["Frequency"] = "weekly", ["From"] = Monday.AddDays(-7), ["To"] = Monday, ["Status"] = "planning",
            ["Cursor"] = "", ["PendingUpper"] = "", ["NextBatch"] = 0, ["Planned"] = 0L, ["ItemsWritten"] = false,
        });
        await digests.UpdateEntityAsync(new TableEntity(DigestRuns.RunPartition("weekly"), runId) { ["Sent"] = 3L, ["BatchesDone"] = 1L }, ETag.All, TableUpdateMode.Merge);

        var run = await digests.GetRowAsync<DigestRun>(DigestRuns.RunPartition("weekly"), runId, CancellationToken.None);
        Assert.NotNull(run);
        Assert.Equal((DigestRunStatus.Planning, Monday.AddDays(-7), Monday, 0L, 3L, (long?)null), (run.Status, run.From, run.To, run.Planned, run.Sent, run.Skipped));

        await digests.UpdateEntityAsync((run with { Status = DigestRunStatus.Planned, Planned = 3, NextBatch = 1 }).ToEntity(), run.ETag, TableUpdateMode.Merge);
        var stored = (await digests.GetEntityAsync<TableEntity>(DigestRuns.RunPartition("weekly"), runId)).Value;
        Assert.Equal("planned", stored.GetString("Status"));
        Assert.Equal(3L, stored.GetInt64("Planned"));
        Assert.Equal(1, stored.GetInt32("NextBatch"));
        Assert.Equal(3L, stored.GetInt64("Sent"));

        // A subscriber as the mutable entity class stored it: its nulls were never written.
        var id = new string('d', 64);
        await storage.Table(HubStorage.TableNames.Subscribers).AddEntityAsync(new TableEntity(id, id)
        {
            ["Email"] = "reader@example.org", ["Status"] = "active", ["Frequency"] = "daily", ["Regions"] = "wales", ["Topics"] = "",
            ["CreatedAt"] = Monday.AddDays(-30), ["ConfirmedAt"] = Monday.AddDays(-29),
        });
        var subscriber = await storage.Table(HubStorage.TableNames.Subscribers).GetRowAsync<Subscriber>(id, id, CancellationToken.None);
        Assert.NotNull(subscriber);
        Assert.Equal((id, SubscriberStatus.Active, "daily", Monday.AddDays(-29), (string?)null),
            (subscriber.Id, subscriber.Status, subscriber.Frequency, subscriber.ConfirmedAt, subscriber.PendingFrequency));
        Assert.Equal(["wales"], subscriber.RegionList);

        // An email claim as the ledger used to write it.
        var ledger = new EmailLedger(storage);
        await ledger.Table.AddEntityAsync(new TableEntity("email-1", EmailLedger.RowKey) { ["State"] = "sending", ["ClaimedAt"] = Monday });
        var claim = await ledger.GetAsync("email-1", CancellationToken.None);
        Assert.Equal((EmailState.Sending, (DateTimeOffset?)Monday), (claim?.State, claim?.ClaimedAt));
    }

    private static string[] Columns(TableEntity entity) =>
        [.. entity.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)];
}
