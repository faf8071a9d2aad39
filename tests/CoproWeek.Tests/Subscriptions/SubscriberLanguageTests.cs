using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Site;
using CoproWeek.Tests.Welsh;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Subscriptions;

/// <summary>Subscribers choose the language of their emails when they sign up, and change it on their preferences page.</summary>
public sealed class SubscriberLanguageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<Subscriber?> RowAsync(HubFactory hub, string email)
    {
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        return await store.GetAsync(store.IdOf(email), CancellationToken.None);
    }

    private static async Task<EmailMessage> ConfirmationAsync(HubFactory hub, string to) =>
        await Eventually.GetAsync(async () => (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).FirstOrDefault(m => m.To == to),
            "the confirmation email");

    private static string Link(EmailMessage email, string route) =>
        Regex.Match(email.Text, $"http://localhost/api/(cy/)?{Regex.Escape(route)}\\?token=[^\\s\"<]+").Value.Replace("http://localhost", "");

    [Fact]
    public async Task A_sign_up_in_Welsh_is_stored_as_Welsh_kept_when_confirmed_and_changed_on_the_preferences_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var signUp = await client.PostAsJsonAsync("/api/subscriptions", new { email = "cymraeg@example.org", frequency = "weekly", language = "cy" });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var pending = await RowAsync(hub, "cymraeg@example.org");
        Assert.Equal("cy", pending!.Language);
        Assert.Equal("cy", pending.PendingLanguage);

        var email = await ConfirmationAsync(hub, "cymraeg@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Link(email, "subscriptions/confirm"), new FormUrlEncodedContent([]))).StatusCode);
        var confirmed = await RowAsync(hub, "cymraeg@example.org");
        Assert.Equal(SubscriberStatus.Active, confirmed!.Status);
        Assert.Equal("cy", confirmed.Language);
        Assert.Null(confirmed.PendingLanguage);

        var preferences = Link(email, "subscriptions/preferences");
        var json = await client.PostAsJsonAsync(preferences, new { frequency = "daily", language = "both" });
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("both", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("language").GetString());
        Assert.Equal("both", (await RowAsync(hub, "cymraeg@example.org"))!.Language);

        // A program that does not know about languages leaves the choice alone.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(preferences, new { frequency = "weekly" })).StatusCode);
        Assert.Equal("both", (await RowAsync(hub, "cymraeg@example.org"))!.Language);

        var page = PageChecks.Parse(await client.GetStringAsync(preferences));
        Assert.True(page.QuerySelector("input[name=language][value=both]")!.HasAttribute("checked"));
        var form = await client.PostAsync(preferences, new FormUrlEncodedContent([new("action", "save"), new("frequency", "weekly"), new("language", "en")]));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("en", (await RowAsync(hub, "cymraeg@example.org"))!.Language);
    }

    [Fact]
    public async Task An_unknown_language_is_a_400_naming_the_language_field_on_sign_up_and_on_the_preferences_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var bad = await client.PostAsJsonAsync("/api/subscriptions", new { email = "fr@example.org", frequency = "weekly", language = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Null(await RowAsync(hub, "fr@example.org"));

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/subscriptions", new { email = "fr@example.org", frequency = "weekly" })).StatusCode);
        Assert.Equal("en", (await RowAsync(hub, "fr@example.org"))!.Language);
        var email = await ConfirmationAsync(hub, "fr@example.org");
        var preferences = await client.PostAsJsonAsync(Link(email, "subscriptions/preferences"), new { frequency = "weekly", language = "Cymraeg" });
        Assert.Equal(HttpStatusCode.BadRequest, preferences.StatusCode);
        Assert.True((await preferences.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal("en", (await RowAsync(hub, "fr@example.org"))!.Language);
    }

    [Fact]
    public async Task A_subscriber_who_signs_up_again_in_another_language_keeps_their_own_until_they_confirm()
    {
        await using var hub = new HubFactory(azurite);
        var clock = hub.Services.GetRequiredService<TimeProvider>();
        using var client = hub.CreateClient();
        await client.PostAsJsonAsync("/api/subscriptions", new { email = "again@example.org", frequency = "weekly", language = "en" });
        var first = await ConfirmationAsync(hub, "again@example.org");
        await client.PostAsync(Link(first, "subscriptions/confirm"), new FormUrlEncodedContent([]));
        var store = hub.Services.GetRequiredService<SubscriberStore>();
        var row = await RowAsync(hub, "again@example.org");
        // Let the next sign-up send its own confirmation: the last one went out "long ago".
        await store.Subscribers.UpsertEntityAsync(new Azure.Data.Tables.TableEntity(row!.Id, row.Id) { ["LastConfirmationSentAt"] = clock.GetUtcNow().AddDays(-3) },
            Azure.Data.Tables.TableUpdateMode.Merge);

        var again = await client.PostAsync("/api/subscriptions?lang=cy", new FormUrlEncodedContent([new("email", "again@example.org"), new("frequency", "daily"), new("language", "cy")]));

        Assert.True(again.IsSuccessStatusCode || again.StatusCode == HttpStatusCode.SeeOther, again.StatusCode.ToString());
        row = await RowAsync(hub, "again@example.org");
        Assert.Equal("en", row!.Language);
        Assert.Equal("cy", row.PendingLanguage);
        Assert.Equal("cy", row.ConfirmationLanguage);
    }

    [Fact]
    public async Task The_Welsh_sign_up_form_asks_in_Welsh_and_a_Welsh_post_with_an_error_answers_in_Welsh_then_thanks_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var form = PageChecks.Parse(await client.GetStringAsync("/api/cy/subscriptions"));
        WelshChecks.AssertWelshPage(form);
        Assert.True(form.QuerySelector("input[name=language][value=cy]")!.HasAttribute("checked"));
        Assert.EndsWith("/api/subscriptions?lang=cy", form.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Equal("Cymru", form.QuerySelector("label[for=field-regions-wales]")!.TextContent);

        var wrong = await client.PostAsync("/api/subscriptions?lang=cy", new FormUrlEncodedContent([new("email", "nid cyfeiriad"), new("frequency", "weekly"), new("language", "cy")]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var page = PageChecks.Parse(await wrong.Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(page);
        var summary = page.QuerySelector(".error-summary a[href='#field-email']");
        Assert.Equal("Rhowch gyfeiriad e-bost fel enw@example.org, hyd at 254 nod.", summary?.TextContent);
        Assert.Equal("nid cyfeiriad", page.QuerySelector("#field-email")!.GetAttribute("value"));

        var good = await client.PostAsync("/api/subscriptions?lang=cy", new FormUrlEncodedContent([new("email", "croeso@example.org"), new("frequency", "weekly"), new("language", "both")]));
        Assert.Equal(HttpStatusCode.SeeOther, good.StatusCode);
        Assert.EndsWith("/api/cy/subscriptions/thanks", good.Headers.Location!.ToString());
        WelshChecks.AssertWelshPage(PageChecks.Parse(await client.GetStringAsync(good.Headers.Location!.AbsolutePath)));
        Assert.Equal("both", (await RowAsync(hub, "croeso@example.org"))!.Language);
    }

    [Fact]
    public async Task A_Welsh_subscriber_confirms_changes_and_stops_their_emails_on_Welsh_pages()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        await client.PostAsJsonAsync("/api/subscriptions?lang=cy", new { email = "tudalen@example.org", frequency = "weekly", regions = new[] { "wales" } });
        Assert.Equal("cy", (await RowAsync(hub, "tudalen@example.org"))!.Language);
        var email = await ConfirmationAsync(hub, "tudalen@example.org");
        var confirm = "/api/cy/" + Link(email, "subscriptions/confirm").Replace("/api/cy/", "").Replace("/api/", "");
        var preferences = "/api/cy/" + Link(email, "subscriptions/preferences").Replace("/api/cy/", "").Replace("/api/", "");

        var button = PageChecks.Parse(await client.GetStringAsync(confirm));
        WelshChecks.AssertWelshPage(button);
        var confirmed = PageChecks.Parse(await (await client.PostAsync(confirm, new FormUrlEncodedContent([]))).Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(confirmed);
        Assert.Equal("Rydych wedi cofrestru", confirmed.QuerySelector("h1")!.TextContent);

        var choices = PageChecks.Parse(await client.GetStringAsync(preferences));
        WelshChecks.AssertWelshPage(choices);
        Assert.True(choices.QuerySelector("input[name=regions][value=wales]")!.HasAttribute("checked"));
        Assert.All(choices.QuerySelectorAll("main form"), f => Assert.Contains("lang=cy", f.GetAttribute("action")));

        var stopped = PageChecks.Parse(await (await client.PostAsync(preferences, new FormUrlEncodedContent([new("action", "unsubscribe")]))).Content.ReadAsStringAsync());
        WelshChecks.AssertWelshPage(stopped);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await RowAsync(hub, "tudalen@example.org"))!.Status);

        var notRight = await client.GetAsync("/api/cy/subscriptions/unsubscribe?token=s.abc~def");
        Assert.Equal(HttpStatusCode.NotFound, notRight.StatusCode);
        WelshChecks.AssertWelshPage(PageChecks.Parse(await notRight.Content.ReadAsStringAsync()));
    }
}
