using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Digests;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Emails;

/// <summary>On the self-host: the digest's web copy is published and shareable, and links opened a second time still answer kindly.</summary>
public sealed partial class EmailLinkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static Task<IReadOnlyList<EmailMessage>> OutboxAsync(HubFactory hub) =>
        hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None);

    [Fact]
    public async Task A_planned_digest_is_published_as_a_web_copy_that_each_digest_links_to_and_that_holds_nothing_of_its_readers()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var published = hub.Services.GetRequiredService<PublishedItems>();
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        foreach (var item in SampleDigest.Items)
        {
            await published.RecordAsync(item with { PublishedAt = DigestHarness.Monday.AddDays(-2) }, CancellationToken.None);
        }
        const string reader = "reader@example.org";
        await store.Subscribers.AddEntityAsync(new Subscriber
        {
            Id = store.IdOf(reader), Email = reader, Status = SubscriberStatus.Active, Frequency = "weekly",
            Regions = "wales,london", Topics = "housing,mental-health",
        }.ToEntity());

        await hub.Services.GetRequiredService<PlanDigest>().PlanWeeklyAsync(new TimerTick(DigestHarness.Monday.AddSeconds(1), false), CancellationToken.None);
        var digest = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).FirstOrDefault(m => m.To == reader), "the digest");
        var webCopy = WebCopyLink().Match(digest.Html).Groups[1].Value;
        var page = await client.GetAsync(webCopy);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("5 events and 2 stories for Co-production Week", digest.Subject);
        Assert.StartsWith("/digests/weekly-", webCopy);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.All(SampleDigest.Items, item => Assert.Contains(item.Title, WebUtility.HtmlDecode(html)));
        Assert.DoesNotContain(reader, html);
        Assert.DoesNotContain("token=", html);
        Assert.DoesNotContain("You get this email", html);
    }

    [Fact]
    public async Task A_subscription_link_opened_again_says_you_are_already_subscribed_and_opens_the_preferences()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var signUp = await client.PostAsJsonAsync("/api/subscriptions", new { email = "sam@example.org", frequency = "weekly", regions = new[] { "wales" } });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var email = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).FirstOrDefault(m => m.To == "sam@example.org"), "the confirmation email");
        var link = ConfirmLink().Match(email.Text).Value.Replace("http://localhost", "", StringComparison.Ordinal);

        var confirmed = await client.PostAsync(link, null);
        var again = await client.GetAsync(link);
        var pressedAgain = await client.PostAsync(link, null);
        var againHtml = await again.Content.ReadAsStringAsync();
        var preferences = WebUtility.HtmlDecode(PreferencesLink().Match(againHtml).Groups[1].Value).Replace("http://localhost", "", StringComparison.Ordinal);
        var preferencesPage = await client.GetAsync(preferences);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You are already subscribed", againHtml);
        Assert.DoesNotContain("sign up", againHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("You are already subscribed", await pressedAgain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preferencesPage.StatusCode);
        Assert.Contains("Wales", await preferencesPage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_out_of_date_link_from_a_second_sign_up_tells_a_subscriber_they_are_still_subscribed()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        var id = store.IdOf("kim@example.org");
        var link = Tokens.Create(TokenPurposes.Confirm, SubscriberStore.SubscriberLocatorPrefix + id);
        await store.Subscribers.AddEntityAsync(new Subscriber
        {
            Id = id, Email = "kim@example.org", Status = SubscriberStatus.Active, Frequency = "weekly", PendingFrequency = "daily",
            ConfirmHash = link.Hash, ConfirmExpires = DateTimeOffset.UtcNow.AddDays(-1),
        }.ToEntity());

        var answer = await client.GetAsync("/api/subscriptions/confirm?token=" + Uri.EscapeDataString(link.Token));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("You are already subscribed", html);
        Assert.DoesNotContain("sign up", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("weekly", (await store.GetAsync(id, CancellationToken.None))!.Frequency);
    }

    [Fact]
    public async Task A_confirmation_link_that_is_not_right_never_asks_the_reader_to_sign_up_again()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answer = await client.GetAsync("/api/subscriptions/confirm?token=s.nobody~nothing");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("sign up again", await answer.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"http://localhost(/digests/[^\"]+)\"")]
    private static partial Regex WebCopyLink();

    [GeneratedRegex(@"http://localhost/api/subscriptions/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("href=\"([^\"]*/api/subscriptions/preferences\\?token=[^\"]+)\"")]
    private static partial Regex PreferencesLink();
}
