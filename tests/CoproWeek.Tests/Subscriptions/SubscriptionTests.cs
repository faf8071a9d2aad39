using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Subscriptions;

public sealed class SubscriptionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly object Choices = new { email = "sam@example.org", frequency = "weekly", regions = new[] { "wales" }, topics = new[] { "housing" } };

    private static async Task<IReadOnlyList<EmailMessage>> OutboxAsync(HubFactory hub) =>
        await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None);

    private static string Link(EmailMessage email, string route) =>
        Regex.Match(email.Text, $"http://localhost/api/{Regex.Escape(route)}\\?token=\\S+").Value.Replace("http://localhost", "");

    private static async Task<Subscriber?> RowAsync(HubFactory hub, string email)
    {
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        return await store.GetAsync(store.IdOf(email), CancellationToken.None);
    }

    private static async Task<EmailMessage> SubscribeAndReadEmailAsync(HubFactory hub, HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/subscriptions", Choices);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await Eventually.GetAsync(async () => (await OutboxAsync(hub)) is { Count: > 0 } found ? found[0] : null, "the confirmation email");
    }

    [Fact]
    public async Task Double_opt_in_sends_one_confirmation_for_a_flood_of_sign_ups_and_only_the_button_confirms()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.PostAsJsonAsync("/api/subscriptions", Choices);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        var stranger = await client.PostAsJsonAsync("/api/subscriptions", new { email = "new@example.org", frequency = "daily" });
        Assert.Equal(answers[0], await stranger.Content.ReadAsStringAsync());
        Assert.Single(answers.Distinct());

        var email = await Eventually.GetAsync(async () => (await OutboxAsync(hub)).FirstOrDefault(m => m.To == "sam@example.org"), "the confirmation email");
        await hub.QueuesIdleAsync(Triggers.SendEmail); // every sign-up had queued its emails before it was answered
        Assert.Single(await OutboxAsync(hub), m => m.To == "sam@example.org");
        Assert.Contains("/api/subscriptions/preferences?token=", email.Text);
        var confirm = Link(email, "subscriptions/confirm");

        var page = await client.GetAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        var row = await RowAsync(hub, "sam@example.org");
        Assert.Equal(SubscriberStatus.Pending, row!.Status);
        Assert.Equal(ConsentWording.Version, row.ConsentVersion);
        Assert.Equal(Subscribe.Api, row.ConsentForm);

        var confirmed = await client.PostAsync(confirm, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        row = await RowAsync(hub, "sam@example.org");
        Assert.Equal(SubscriberStatus.Active, row!.Status);
        Assert.Equal("wales", row.Regions);
        Assert.Equal("housing", row.Topics);
        var again = await client.PostAsync(confirm, new FormUrlEncodedContent([])); // the spent link says where the person stands
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You are already subscribed", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_sign_ups_and_bad_links_get_4xx_answers_that_name_the_fields_and_reveal_nothing()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bad = await client.PostAsJsonAsync("/api/subscriptions", new
        {
            email = new string('a', 250) + "@example.org", frequency = "hourly", regions = new[] { "atlantis" }, topics = new[] { "x" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "email", "frequency", "regions", "topics" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/subscriptions", new StringContent("{nope", Encoding.UTF8, "application/json"))).StatusCode);

        var form = await client.PostAsync("/api/subscriptions", new FormUrlEncodedContent([new("email", "not an address"), new("frequency", "weekly")]));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en-GB\"", html);
        Assert.StartsWith("Error: Enter an email address", Site.PageChecks.Parse(html).QuerySelector("#field-email-error")?.TextContent);
        Assert.Contains("value=\"not an address\"", html);

        var good = await client.PostAsync("/api/subscriptions", new FormUrlEncodedContent([new("email", "form@example.org"), new("frequency", "daily"), new("regions", "london")]));
        Assert.Equal(HttpStatusCode.SeeOther, good.StatusCode);
        Assert.EndsWith("/api/subscriptions/thanks", good.Headers.Location!.ToString());

        var email = await Eventually.GetAsync(async () => (await OutboxAsync(hub)) is { Count: > 0 } found ? found[0] : null, "the confirmation email");
        var tampered = Link(email, "subscriptions/confirm")[..^3] + "abc";
        foreach (var url in new[]
        {
            tampered, "/api/subscriptions/confirm", "/api/subscriptions/preferences?token=s.abc~def", "/api/subscriptions/unsubscribe?token=d.x.y~z",
            "/api/subscriptions/export?token=" + new string('~', 600), Link(email, "subscriptions/preferences").Replace("preferences", "unsubscribe"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            var post = (await client.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode;
            Assert.True(post is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{url}: {post}");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/subscriptions")).StatusCode);
    }

    [Fact]
    public async Task A_subscriber_changes_choices_downloads_their_data_and_erases_it_leaving_only_a_suppressed_hash()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var email = await SubscribeAndReadEmailAsync(hub, client);
        await client.PostAsync(Link(email, "subscriptions/confirm"), new FormUrlEncodedContent([]));
        var preferences = Link(email, "subscriptions/preferences");

        var page = await (await client.GetAsync(preferences)).Content.ReadAsStringAsync();
        Assert.Contains("value=\"wales\" checked", page);
        var saved = await client.PostAsync(preferences, new FormUrlEncodedContent([new("action", "save"), new("frequency", "daily"), new("regions", "london"), new("topics", "health"), new("topics", "research")]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var row = await RowAsync(hub, "sam@example.org");
        Assert.Equal(("daily", "london", "health,research"), (row!.Frequency, row.Regions, row.Topics));

        var export = await client.GetAsync(preferences.Replace("preferences", "export"));
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        var data = await export.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sam@example.org", data.GetProperty("email").GetString());
        Assert.Equal(ConsentWording.Version, data.GetProperty("consent").GetProperty("wordingVersion").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(preferences.Replace("preferences", "erase"), new FormUrlEncodedContent([]))).StatusCode);
        Assert.Null(await RowAsync(hub, "sam@example.org"));
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        Assert.True(await store.IsSuppressedAsync(store.IdOf("Sam@Example.org "), CancellationToken.None));
        await foreach (var suppressed in hub.Storage.Table(HubStorage.TableNames.Suppression).QueryAsync<TableEntity>())
        {
            Assert.DoesNotContain(suppressed, kv => kv.Value?.ToString()?.Contains("example.org") == true);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(preferences.Replace("preferences", "export"))).StatusCode);

        // The erase page says we will not email the address again, and signing it up again does not.
        var again = await client.PostAsJsonAsync("/api/subscriptions", Choices);
        await hub.QueuesIdleAsync(Hub.Triggers.SendEmail);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Single(await OutboxAsync(hub));
        Assert.True(await store.IsSuppressedAsync(store.IdOf("sam@example.org"), CancellationToken.None));
    }

    [Fact]
    public async Task SendGrid_events_are_accepted_only_when_signed_and_recent_and_a_bounce_suppresses_the_address()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var hub = new HubFactory(azurite, SignedEmailEvents.Trusting(key));
        using var client = hub.CreateClient();
        var email = await SubscribeAndReadEmailAsync(hub, client);
        await client.PostAsync(Link(email, "subscriptions/confirm"), new FormUrlEncodedContent([]));
        const string body = """[{"email":"sam@example.org","event":"bounce","timestamp":1}]""";


        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/email-events", new StringContent(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignedEmailEvents.Request(other, body, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(SignedEmailEvents.Request(key, body, DateTimeOffset.UtcNow.AddMinutes(-15)))).StatusCode);
        var tamperedRequest = SignedEmailEvents.Request(key, body, DateTimeOffset.UtcNow);
        tamperedRequest.Content = new StringContent(body.Replace("sam", "someone"), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(tamperedRequest)).StatusCode);
        Assert.Equal(SubscriberStatus.Active, (await RowAsync(hub, "sam@example.org"))!.Status);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(SignedEmailEvents.Request(key, body, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(SubscriberStatus.Suppressed, (await RowAsync(hub, "sam@example.org"))!.Status);
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        Assert.True(await store.IsSuppressedAsync(store.IdOf("sam@example.org"), CancellationToken.None));
    }
}
