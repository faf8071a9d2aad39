using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Contacts;

[LongRunning]
public sealed partial class ContactConfirmationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Dictionary<string, string?> Confirming = new() { ["Contacts:RequireConfirmation"] = "true" };

    private static Task<IReadOnlyList<EmailMessage>> OutboxAsync(HubFactory hub) =>
        hub.Services.GetRequiredService<Outbox>().ListAsync(500, CancellationToken.None);

    private static string ConfirmLink(EmailMessage email) => ConfirmUrl().Match(email.Text).Value.Replace("http://localhost", "", StringComparison.Ordinal);

    [Fact]
    public async Task A_first_event_from_an_unconfirmed_address_waits_and_the_address_gets_one_email_that_carries_nothing_the_submitter_wrote()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        var body = SampleEvent.Json(title: "Buy cheap watches at evil dot example");
        body["contact"]!["name"] = "Visit evil dot example";

        var answer = await SampleEvent.SubmitAsync(client, body);
        var email = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).SingleOrDefault(), "the confirmation email");
        var manage = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));
        var stored = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);
        var moderation = await hub.Storage.Queue(Hub.Triggers.Queues.Moderation).PeekMessagesAsync(10);

        Assert.Equal("awaiting-confirmation", answer.Status);
        Assert.Equal(SubmissionStatus.AwaitingConfirmation, stored!.Status);
        Assert.Empty(moderation.Value);
        Assert.Contains("\"status\":\"awaiting-confirmation\"", await manage.Content.ReadAsStringAsync());
        Assert.Equal(SampleEvent.ContactEmail, email.To);
        Assert.Equal(ContactEmails.Subject(), email.Subject);
        Assert.DoesNotContain("evil", email.Text + email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("watches", email.Text + email.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Confirming_by_the_button_sends_the_waiting_event_on_with_a_fresh_private_link_and_later_events_go_straight_through()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        var first = await SampleEvent.SubmitAsync(client);
        var link = ConfirmLink(await Eventually.GetAsync(async () => (await OutboxAsync(hub)).SingleOrDefault(), "the confirmation email"));

        var page = await client.GetAsync(link);
        var stillWaiting = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(first.Id, CancellationToken.None);
        var confirmed = await client.PostAsync(link, null);
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, first.Id);
        var receipt = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).FirstOrDefault(e => e.Subject.StartsWith("We have your event", StringComparison.Ordinal)), "the receipt");
        var oldLink = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{first.Id}", SampleEvent.Token(first)));
        var newToken = Uri.UnescapeDataString(ManageToken().Match(receipt.Text).Groups[1].Value);
        var newLink = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{first.Id}", newToken));
        var second = await SampleEvent.SubmitAsync(client, SampleEvent.Json(title: "A second workshop in Leeds"));
        var spent = await client.PostAsync(link, null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(SubmissionStatus.AwaitingConfirmation, stillWaiting!.Status);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.StartsWith("/events/", path);
        Assert.Equal(HttpStatusCode.NotFound, oldLink.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLink.StatusCode);
        Assert.Equal("received", second.Status);
        Assert.Equal(HttpStatusCode.OK, spent.StatusCode); // opened again: it says so, and asks nothing more
        Assert.Contains("already confirmed", await spent.Content.ReadAsStringAsync());
        Assert.Single(await OutboxAsync(hub), e => e.Subject == ContactEmails.Subject());
    }

    [Fact]
    public async Task A_hundred_submissions_and_a_hundred_sign_ups_naming_one_mailbox_send_it_one_email()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        var victim = "victim{0}@example.org";

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            var body = SampleEvent.Json(title: $"Cheap watches number {i}");
            body["contact"]!["email"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, victim, i % 3 == 0 ? "" : $"+{i}");
            answers.Add((await client.PostAsJsonAsync("/api/events", body)).StatusCode);
            var signUp = new { email = string.Format(System.Globalization.CultureInfo.InvariantCulture, victim, i % 2 == 0 ? "" : $"+s{i}"), frequency = "weekly" };
            answers.Add((await client.PostAsJsonAsync("/api/subscriptions", signUp)).StatusCode);
        }
        await hub.QueuesIdleAsync(Hub.Triggers.SendEmail);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a));
        var emails = (await OutboxAsync(hub)).Where(e => e.To.StartsWith("victim", StringComparison.Ordinal)).ToList();
        Assert.Single(emails);
    }

    [Fact]
    public async Task An_address_that_was_erased_gets_no_confirmation_at_all()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        await store.SuppressAsync(store.IdOf(SampleEvent.ContactEmail), "erased", DateTimeOffset.UtcNow, CancellationToken.None);

        var answer = await SampleEvent.SubmitAsync(client);
        var signUp = await client.PostAsJsonAsync("/api/subscriptions", new { email = SampleEvent.ContactEmail, frequency = "weekly" });
        await hub.QueuesIdleAsync(Hub.Triggers.SendEmail);

        Assert.Equal("awaiting-confirmation", answer.Status);
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        Assert.Empty(await OutboxAsync(hub));
    }

    [Fact]
    public async Task An_edit_that_moves_a_live_event_to_an_unconfirmed_address_waits_for_that_address()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        await hub.Services.GetRequiredService<ContactAddresses>().MarkConfirmedByAddressAsync(SampleEvent.ContactEmail, CancellationToken.None);
        var answer = await SampleEvent.SubmitAsync(client);
        await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);

        var body = SampleEvent.Json();
        body["contact"]!["email"] = "someone.else@example.org";
        var edit = SampleEvent.WithToken(HttpMethod.Put, $"/api/events/{answer.Id}", SampleEvent.Token(answer));
        edit.Content = JsonContent.Create(body);
        edit.Headers.IfMatch.ParseAdd("*");
        var edited = await client.SendAsync(edit);
        await hub.QueuesIdleAsync(Hub.Triggers.SendEmail);

        Assert.Equal("received", answer.Status);
        Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
        Assert.Contains("awaiting-confirmation", await edited.Content.ReadAsStringAsync());
        var toNewAddress = (await OutboxAsync(hub)).Where(e => e.To == "someone.else@example.org").ToList();
        Assert.Equal(ContactEmails.Subject(), Assert.Single(toNewAddress).Subject);
    }

    [Fact]
    public async Task Confirming_a_subscription_also_confirms_the_mailbox_for_what_its_owner_sends()
    {
        await using var hub = new HubFactory(azurite, Confirming);
        using var client = hub.CreateClient();
        await client.PostAsJsonAsync("/api/subscriptions", new { email = SampleEvent.ContactEmail, frequency = "weekly" });
        var confirmation = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).SingleOrDefault(), "the sign-up's confirmation");
        var waiting = await SampleEvent.SubmitAsync(client);

        var link = SubscriptionConfirmUrl().Match(confirmation.Text).Value.Replace("http://localhost", "", StringComparison.Ordinal);
        var confirmed = await client.PostAsync(link, null);
        await SampleEvent.WaitUntilLiveAsync(client, hub, waiting.Id);

        Assert.Equal("awaiting-confirmation", waiting.Status);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.DoesNotContain(await OutboxAsync(hub), e => e.Subject == ContactEmails.Subject());
    }

    [Theory]
    [InlineData("Name+events@Example.org", "name@example.org")]
    [InlineData("name@example.org", "name@example.org")]
    [InlineData("first.last+a+b@example.org", "first.last@example.org")]
    [InlineData("+tag@example.org", "+tag@example.org")]
    public void A_mailbox_is_the_address_without_its_plus_tag(string address, string mailbox) =>
        Assert.Equal(mailbox, ContactAddresses.Mailbox(address));

    [GeneratedRegex(@"http://localhost/api/contacts/confirm\?token=[^\s]+")]
    private static partial Regex ConfirmUrl();

    [GeneratedRegex(@"http://localhost/api/subscriptions/confirm\?token=[^\s]+")]
    private static partial Regex SubscriptionConfirmUrl();

    [GeneratedRegex(@"manage\?token=([^\s]+)")]
    private static partial Regex ManageToken();
}
