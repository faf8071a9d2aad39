using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Email;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Moderation;
using CoproWeek.Tests.Posts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Foundation;

/// <summary>Answers that hold a token in their address or someone's personal data are never cached, leak no referrer, are not sniffed and cannot be framed.</summary>
public sealed class PrivateAnswerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_kind_of_answer_holding_a_token_or_personal_data_carries_the_private_headers()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var answers = new List<(string What, HttpResponseMessage Response)>();

        // Events: the submission's answer holds the manage link; the manage JSON and page hold the contact's details.
        var submitted = await client.PostAsJsonAsync("/api/events", SampleEvent.Json());
        answers.Add(("event submitted (JSON with manage link)", submitted));
        var ev = (await submitted.Content.ReadFromJsonAsync<SampleEvent.Answer>())!;
        var eventToken = SampleEvent.Token(ev);
        answers.Add(("event manage JSON", await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{ev.Id}", eventToken))));
        answers.Add(("event manage JSON, wrong token (problem)", await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{ev.Id}", "wrong"))));
        answers.Add(("event manage page", await client.GetAsync($"/api/events/{ev.Id}/manage?token={Uri.EscapeDataString(eventToken)}")));
        answers.Add(("event form again with errors (what was typed)", await client.PostAsync("/api/events",
            new FormUrlEncodedContent([new("title", "A title"), new("contact.email", "typed@example.org")]))));

        // Stories.
        var posted = await client.PostAsync("/api/posts", SamplePost.Content(SamplePost.Parts(images: 0)));
        answers.Add(("story submitted (JSON with manage link)", posted));
        var post = (await posted.Content.ReadFromJsonAsync<SamplePost.Answer>())!;
        var postToken = SamplePost.Token(post);
        answers.Add(("story manage JSON", await client.SendAsync(SamplePost.WithToken(HttpMethod.Get, $"/api/posts/{post.Id}", postToken))));
        answers.Add(("story manage page", await client.GetAsync($"/api/posts/{post.Id}/manage?token={Uri.EscapeDataString(postToken)}")));

        // Subscriptions: every page a token opens, the data download, and the sign-up answers holding an address.
        answers.Add(("sign-up accepted (JSON)", await client.PostAsJsonAsync("/api/subscriptions", new { email = "sam@example.org", frequency = "weekly" })));
        answers.Add(("sign-up form again with errors", await client.PostAsync("/api/subscriptions", new FormUrlEncodedContent([new("email", "not an address")]))));
        var email = await Eventually.GetAsync(async () =>
            (await hub.Services.GetRequiredService<Outbox>().ListAsync(50, CancellationToken.None)).FirstOrDefault(m => m.To == "sam@example.org"), "the confirmation email");
        var confirm = Link(email, "subscriptions/confirm");
        var preferences = Link(email, "subscriptions/preferences");
        answers.Add(("confirm page", await client.GetAsync(confirm)));
        answers.Add(("confirmed page", await client.PostAsync(confirm, new FormUrlEncodedContent([]))));
        answers.Add(("link not right page", await client.GetAsync(confirm)));
        answers.Add(("preferences page", await client.GetAsync(preferences)));
        answers.Add(("unsubscribe page", await client.GetAsync(preferences.Replace("preferences", "unsubscribe"))));
        answers.Add(("data download", await client.GetAsync(preferences.Replace("preferences", "export"))));
        answers.Add(("erased page", await client.PostAsync(preferences.Replace("preferences", "erase"), new FormUrlEncodedContent([]))));

        // Moderation: pages and API.
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        answers.Add(("moderation sign-in page", await client.GetAsync("/api/moderate")));
        answers.Add(("moderation sign-in, wrong key", await client.PostAsync("/api/moderate", new FormUrlEncodedContent([new("key", "0123456789abcdef.wrong")]))));
        var signedIn = await client.PostAsync("/api/moderate", new FormUrlEncodedContent([new("key", key)]));
        answers.Add(("moderation signed in (redirect setting the cookie)", signedIn));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        answers.Add(("moderation queue page", await WithCookieAsync(client, "/api/moderate", cookie)));
        answers.Add(("moderation item page", await WithCookieAsync(client, $"/api/moderate/items/{ev.Id}", cookie)));
        answers.Add(("moderation API queue", await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key))));
        answers.Add(("moderation API item", await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{ev.Id}", key))));

        // The self-host's dev outbox shows every email, manage links included.
        answers.Add(("dev outbox", await client.GetAsync("/dev/outbox")));

        Assert.All(answers, a => AssertPrivate(a.What, a.Response));
        // The public sign-up form is the only subscription page without a token; the health check is not private at all.
        Assert.False((await client.GetAsync("/api/health")).Headers.CacheControl?.NoStore ?? false);
    }

    private static void AssertPrivate(string what, HttpResponseMessage response)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what} ({(int)response.StatusCode}): Cache-Control is '{Header("Cache-Control")}'");
        Assert.True(Header("Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy is '{Header("Referrer-Policy")}'");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is '{Header("X-Content-Type-Options")}'");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options is '{Header("X-Frame-Options")}'");
        Assert.True(Header("Content-Security-Policy").Contains("frame-ancestors 'none'"), $"{what}: Content-Security-Policy is '{Header("Content-Security-Policy")}'");
    }

    private static string Link(EmailMessage email, string route) =>
        Regex.Match(email.Text, $"http://localhost/api/{Regex.Escape(route)}\\?token=\\S+").Value.Replace("http://localhost", "");

    private static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
