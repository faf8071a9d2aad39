using System.Net.Http.Json;
using System.Text.Json;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoproWeek.Tests.Foundation;

public sealed class EmailTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static EmailMessage Message(string id) =>
        new(id, "reader@example.org", "Your event is live", "<p>It is <b>live</b>.</p>", "It is live.", DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["X-Entity-Ref-ID"] = id });

    private static Task Enqueue(HubFactory hub, EmailMessage message) =>
        hub.Services.GetRequiredService<QueueSender>().SendAsync(Triggers.Queues.Email, message, CancellationToken.None);

    [Fact]
    public async Task Without_a_SendGrid_key_a_queued_email_lands_in_the_outbox_and_the_dev_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var message = Message("receipt-1");

        await Enqueue(hub, message);

        var json = await Eventually.GetAsync(async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox");
            request.Headers.Accept.ParseAdd("application/json");
            var found = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<List<EmailMessage>>(HubJson.Options);
            return found is { Count: > 0 } ? found : null;
        }, "the email to reach the outbox");
        var stored = Assert.Single(json);
        Assert.Equal(message.To, stored.To);
        Assert.Equal(message.Html, stored.Html);
        Assert.Equal(message.Text, stored.Text);
        Assert.Equal(message.Id, stored.Headers!["X-Entity-Ref-ID"]);

        var page = await client.GetStringAsync("/dev/outbox");
        Assert.Contains("Your event is live", page);
    }

    [Fact]
    public async Task With_a_key_SendGrid_429_is_waited_out_and_the_email_is_sent_exactly_once()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.ScriptResponses(429);
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
        });
        using var _ = hub.CreateClient();

        await Enqueue(hub, Message("decision-1"));
        await Eventually.TrueAsync(() => Task.FromResult(!sendGrid.Accepted.IsEmpty), "SendGrid to accept the email");
        await Enqueue(hub, Message("decision-1")); // a redelivery of the same email
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        Assert.Equal(2, sendGrid.Requests.Count);
        var accepted = Assert.Single(sendGrid.Accepted);
        var personalization = accepted.RootElement.GetProperty("personalizations")[0];
        Assert.Equal("reader@example.org", personalization.GetProperty("to")[0].GetProperty("email").GetString());
        var subject = accepted.RootElement.TryGetProperty("subject", out var top) ? top : personalization.GetProperty("subject");
        Assert.Equal("Your event is live", subject.GetString());
        Assert.Empty(await hub.Services.GetRequiredService<Outbox>().ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task The_SendGrid_client_is_handed_the_sender_headers_category_and_email_id_and_is_called_once_per_email()
    {
        var client = new Mock<ISendGridClient>();
        var sent = new List<SendGridMessage>();
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(new Response(System.Net.HttpStatusCode.Accepted, null, null));
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:FromEmail"] = "team@coproductionweek.example",
            ["SendGrid:FromName"] = "Co-production Week team",
        }, services => services.AddSingleton(client.Object));
        var sender = hub.Services.GetRequiredService<SendEmail>();
        var message = Message("digest-7") with { Category = "digest" };

        await sender.HandleAsync(message, CancellationToken.None);
        await sender.HandleAsync(message, CancellationToken.None); // redelivered: the ledger says it went

        client.Verify(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()), Times.Once());
        using var json = JsonDocument.Parse(Assert.Single(sent).Serialize());
        var root = json.RootElement;
        Assert.Equal("team@coproductionweek.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Co-production Week team", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("digest", root.GetProperty("categories")[0].GetString());
        // The client library puts headers and custom args on the message or on its one personalization: either is right.
        var personalization = root.GetProperty("personalizations")[0];
        JsonElement Either(string name) => root.TryGetProperty(name, out var top) ? top : personalization.GetProperty(name);
        Assert.Equal("digest-7", Either("headers").GetProperty("X-Entity-Ref-ID").GetString());
        Assert.Equal("digest-7", Either("custom_args").GetProperty("emailId").GetString());
        Assert.Equal(["text/plain", "text/html"], root.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Two_copies_of_one_email_handled_at_the_same_time_send_it_once()
    {
        var client = new Mock<ISendGridClient>();
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(300); // SendGrid takes its time, so both copies are in flight together
                return new Response(System.Net.HttpStatusCode.Accepted, null, null);
            });
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["SendGrid:ApiKey"] = "SG.test-key" },
            services => services.AddSingleton(client.Object));
        var sender = hub.Services.GetRequiredService<SendEmail>();
        var message = Message("event-abc-v1-held");

        await Task.WhenAll(sender.HandleAsync(message, CancellationToken.None), sender.HandleAsync(message, CancellationToken.None));

        client.Verify(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task With_a_key_a_SendGrid_refusal_is_not_retried_and_the_email_is_poisoned()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.ScriptResponses(400);
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
        });
        using var _ = hub.CreateClient();

        await Enqueue(hub, Message("bad-1"));
        var poisoned = await Eventually.GetAsync(async () =>
            (await hub.Storage.Queue(Triggers.Queues.Email + Triggers.Queues.PoisonSuffix).PeekMessageAsync()).Value, "the email to be poisoned");
        await hub.QueuesIdleAsync(Triggers.SendEmail);

        Assert.Single(sendGrid.Requests);
        Assert.Equal("bad-1", JsonDocument.Parse(poisoned.Body.ToString()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task With_a_key_a_SendGrid_server_error_is_retried_by_the_queue()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.ScriptResponses(503);
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = sendGrid.Url,
        });
        using var _ = hub.CreateClient();

        await Enqueue(hub, Message("flaky-1"));
        await Eventually.TrueAsync(() => Task.FromResult(!sendGrid.Accepted.IsEmpty), "the retry to be accepted");

        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Single(sendGrid.Accepted);
    }
}
