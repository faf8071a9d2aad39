using System.Net;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Site;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproWeek.Tests.Posts;

[LongRunning]
public sealed class WelshStoryPostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static HttpRequestMessage Post(List<SamplePost.Part> parts)
    {
        // A browser sends every box, filled or not: the language radios and the Welsh boxes included.
        parts.Add(new("language", "cy"));
        parts.Add(new("welsh.title", ""));
        parts.Add(new("welsh.body", ""));
        parts.Add(new("website", ""));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/posts?lang=cy") { Content = SamplePost.Content(parts) };
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    [Fact]
    public async Task A_Welsh_story_goes_on_to_the_Welsh_thanks_page_and_one_with_a_gap_comes_back_in_Welsh()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var sent = await client.SendAsync(Post(SamplePost.Parts(images: 0)));
        var gap = await client.SendAsync(Post(SamplePost.Parts(title: "", images: 0)));

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.EndsWith("/cy/submit-post/thanks/", sent.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        var page = PageChecks.Parse(await gap.Content.ReadAsStringAsync());
        Assert.Equal("cy", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mae problem", page.QuerySelector(".error-summary h2").Text());
        Assert.Contains("#field-title", page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.EndsWith("/api/posts?lang=cy", page.QuerySelector("form")!.GetAttribute("action"));
    }
}
