using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

public sealed class ModerationPageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_moderator_signs_in_with_their_key_reads_the_queue_and_approves_an_event_from_the_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam Moderator");
        var answer = await HeldItems.SubmitAsync(client, hub, "Tea and co-production in Bristol");

        var signInPage = await ParseAsync(await client.GetAsync("/api/moderate"));
        var wrong = await client.PostAsync("/api/moderate", Form(("key", "0123456789abcdef.wrong")));
        var signedIn = await client.PostAsync("/api/moderate", Form(("key", key)));
        var setCookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        var cookie = setCookie.Split(';')[0];

        var queuePage = await ParseAsync(await Send(client, HttpMethod.Get, "/api/moderate", cookie));
        var link = queuePage.QuerySelectorAll<IHtmlAnchorElement>("table a").Single();
        var itemPage = await ParseAsync(await Send(client, HttpMethod.Get, new Uri(link.Href).PathAndQuery, cookie));
        var form = itemPage.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("[name=decision]") is not null);
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value ?? "");
        var action = new Uri(form.Action).PathAndQuery;

        var forged = await Send(client, HttpMethod.Post, action, cookie, Form(("decision", "approve"), ("version", hidden["version"]), ("formToken", "forged")));
        var noReason = await Send(client, HttpMethod.Post, action, cookie, Form(("decision", "reject"), ("version", hidden["version"]), ("formToken", hidden["formToken"])));
        var noReasonPage = await ParseAsync(noReason);
        var decided = await Send(client, HttpMethod.Post, action, cookie, Form(("decision", "approve"), ("version", hidden["version"]), ("formToken", hidden["formToken"])));
        var path = await SampleEvent.WaitUntilLiveAsync(client, hub, answer.Id);
        var history = await HeldItems.HistoryAsync(hub, answer.Id);

        Assert.NotNull(signInPage.QuerySelector("form input[name=key][type=password]"));
        Assert.NotNull(signInPage.QuerySelector("label[for=field-key]"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/moderate", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key.Split('.')[1], setCookie);
        Assert.Equal("Tea and co-production in Bristol", link.TextContent);
        Assert.Single(queuePage.QuerySelectorAll("h1"));
        Assert.NotNull(queuePage.QuerySelector("a.skip-link[href='#main']"));
        Assert.Equal("1", hidden["version"]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull(noReasonPage.QuerySelector(".error-summary a[href='#field-reason']"));
        var reasonBox = noReasonPage.QuerySelector("textarea#field-reason")!;
        Assert.Equal("true", reasonBox.GetAttribute("aria-invalid"));
        Assert.Contains("field-reason-error", reasonBox.GetAttribute("aria-describedby"));
        Assert.NotNull(noReasonPage.QuerySelector(".field-error #field-reason-error .visually-hidden"));
        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        Assert.Contains("Tea and co-production in Bristol", await client.GetStringAsync(path));
        Assert.Contains(history, h => h is { Who: "Sam Moderator", Decision: "approved" });
    }

    [Fact]
    public async Task Without_a_session_the_item_page_sends_you_to_sign_in_and_a_revoked_key_ends_the_session()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await HeldItems.SubmitAsync(client, hub, "Community mental health forum");
        var cookie = (await client.PostAsync("/api/moderate", Form(("key", key)))).Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var anonymous = await client.GetAsync($"/api/moderate/items/{answer.Id}");
        var before = await Send(client, HttpMethod.Get, $"/api/moderate/items/{answer.Id}", cookie);
        await hub.Services.GetRequiredService<Hub.Moderation.Moderators>().RevokeAsync("Sam", CancellationToken.None);
        var after = await Send(client, HttpMethod.Get, $"/api/moderate/items/{answer.Id}", cookie);
        var status = await HeldItems.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);

        Assert.Equal(HttpStatusCode.SeeOther, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
        Assert.Equal(1, status.Version);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
