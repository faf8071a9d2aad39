using CoproWeek.Hub;
using CoproWeek.Hub.AccessRequests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace CoproWeek.Tests.AccessRequests;

public sealed class AccessRequestPrivacyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static EmailMessage Sensitive(string id) =>
        new(id, "organiser@example.org", "Access request for your event: Workshop", "<p>Needs a BSL interpreter</p>", "Needs a BSL interpreter",
            DateTimeOffset.UtcNow, Category: AccessRequestEmails.Category, ReplyTo: "asker@example.net", Sensitive: true);

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task The_outbox_keeps_an_access_requests_words_only_in_development(string environment, bool kept)
    {
        await using var hub = new HubFactory(azurite);
        var host = new Mock<IHostEnvironment>();
        host.SetupGet(h => h.EnvironmentName).Returns(environment);
        var outbox = new Outbox(hub.Storage, host.Object);

        await outbox.WriteAsync(Sensitive("access-1-organiser"), CancellationToken.None);
        await outbox.WriteAsync(Sensitive("plain") with { Sensitive = false, Id = "receipt-1" }, CancellationToken.None);

        var listed = await outbox.ListAsync(10, CancellationToken.None);
        var access = Assert.Single(listed, m => m.Id == "access-1-organiser");
        Assert.Equal(kept, access.Text.Contains("BSL"));
        Assert.Equal(kept, access.Html.Contains("BSL"));
        Assert.Equal(kept ? "asker@example.net" : null, access.ReplyTo);
        Assert.Contains("BSL", Assert.Single(listed, m => m.Id == "receipt-1").Text);
    }

    [Fact]
    public async Task The_clean_up_deletes_poisoned_access_request_emails_and_leaves_other_poison_for_a_person()
    {
        await using var hub = new HubFactory(azurite);
        var poison = hub.Storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix);
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(HubJson.Serialize(Sensitive("access-2-organiser")));
        await poison.SendMessageAsync(HubJson.Serialize(Sensitive("access-2-copy")));
        await poison.SendMessageAsync(HubJson.Serialize(Sensitive("receipt-2") with { Sensitive = false }));

        var removed = await hub.Services.GetRequiredService<SensitivePoisonCopies>().SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task An_access_request_email_SendGrid_refuses_is_dropped_not_moved_to_the_poison_queue()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.ScriptResponses(400);
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.test-key", ["SendGrid:Host"] = sendGrid.Url });
        using var _ = hub.CreateClient();

        await hub.Services.GetRequiredService<QueueSender>().SendAsync(Triggers.Queues.Email, Sensitive("access-3-organiser"), CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(!sendGrid.Requests.IsEmpty), "SendGrid to be asked");
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        var poison = hub.Storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty(sendGrid.Accepted);
        var sent = AccessRequestFixtures.Read(Assert.Single(sendGrid.Requests));
        Assert.Equal("asker@example.net", sent.ReplyTo);
    }
}
