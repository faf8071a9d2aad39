using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using CoproWeek.Hub;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using SkiaSharp;

namespace CoproWeek.Tests.Site;

/// <summary>What browsers, crawlers and sharing sites ask every site for, and the self-host's compression and links.</summary>
public sealed class HousekeepingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] PublicPages = ["/", "/events/", "/events/region/wales/", "/subscribe/", "/posts/", "/submit-event/", "/submit-post/", "/submit-event/thanks/", "/no-such-page/"];

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_which_lists_every_public_page()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var eventPath = await SampleEvent.WaitUntilLiveAsync(client, hub, (await SampleEvent.SubmitAsync(client)).Id);

        var robots = await Eventually.GetAsync(async () => await client.GetAsync("/robots.txt") is { IsSuccessStatusCode: true } r ? r : null, "robots.txt");
        var sitemap = await Eventually.GetAsync(async () => await client.GetStringAsync("/sitemap.xml") is { } s && s.Contains(eventPath) ? s : null, "the sitemap to list the event");

        Assert.Equal("text/plain", robots.Content.Headers.ContentType?.MediaType);
        var lines = (await robots.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.Contains("Disallow: /api/", lines);
        foreach (var page in new[] { "/", "/events/", "/events/region/wales/", "/subscribe/", "/posts/", "/submit-event/", "/submit-post/", eventPath })
        {
            Assert.Contains($"<loc>http://localhost{page}</loc>", sitemap);
        }
    }

    [Fact]
    public async Task Every_public_page_has_a_description_icons_and_the_logo_and_the_icons_are_served()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/favicon.ico")).IsSuccessStatusCode, "the site to be built");

        foreach (var path in PublicPages)
        {
            var page = new HtmlParser().ParseDocument(await (await client.GetAsync(path)).Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name='description']")?.GetAttribute("content")), $"{path} has no description");
            Assert.NotNull(page.QuerySelector("link[rel='icon'][type='image/svg+xml']"));
            Assert.NotNull(page.QuerySelector("link[rel='apple-touch-icon']"));
            Assert.NotNull(page.QuerySelector(".site-header .site-name svg[aria-hidden='true']"));
            Assert.Equal("Co-production Week", page.QuerySelector(".site-header .site-name")!.TextContent.Trim());
        }
        var ico = await client.GetByteArrayAsync("/favicon.ico");
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0 }, ico[..6]);
        using (var inside = SKBitmap.Decode(ico[22..]))
        {
            Assert.Equal((32, 32), (inside.Width, inside.Height));
        }
        Assert.Equal((180, 180), Size(await client.GetByteArrayAsync("/apple-touch-icon.png")));
        Assert.Equal((1200, 630), Size(await client.GetByteArrayAsync("/assets/social-card.png")));
        Assert.Equal("image/svg+xml", (await client.GetAsync("/favicon.svg")).Content.Headers.ContentType?.MediaType);
        Assert.Contains("<text", await client.GetStringAsync("/assets/logo.svg"));
    }

    [Fact]
    public async Task The_self_host_compresses_pages_and_API_answers_for_clients_that_ask_but_never_a_private_answer()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/events/")).IsSuccessStatusCode, "the site to be built");

        var page = await GetAsync(client, "/events/", "br");
        var css = await GetAsync(client, "/assets/site.css", "gzip");
        var problem = await GetAsync(client, "/api/events/no-such-event?token=abc", "br");
        var json = await GetAsync(client, "/events/events.json", "br");
        var api = await GetAsync(client, "/api/health", "br");
        var plain = await client.GetAsync("/events/");

        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", page.Headers.Vary);
        Assert.Equal(["gzip"], css.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], json.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], api.Content.Headers.ContentEncoding);
        Assert.Contains("no-store", problem.Headers.CacheControl?.ToString());
        Assert.Empty(problem.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_self_host_started_with_urls_and_no_site_addresses_links_to_where_it_listens()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        try
        {
            await using var host = await RunningHost.StartAsync(new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Storage__Prefix"] = storage.Options.Prefix,
            });
            using var http = new HttpClient();

            var home = await Eventually.GetAsync(async () => await http.GetAsync(host.Url + "/") is { IsSuccessStatusCode: true } r ? await r.Content.ReadAsStringAsync() : null, "the home page");
            var page = new HtmlParser().ParseDocument(home);

            Assert.Equal(host.Url + "/assets/site.css", page.QuerySelector("link[rel='stylesheet']")?.GetAttribute("href"));
            Assert.Equal(host.Url + "/events/", page.QuerySelector("nav a[href$='/events/']")?.GetAttribute("href"));
            Assert.DoesNotContain("7071", home);
        }
        finally
        {
            await storage.DeleteAllAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:7401", "http://127.0.0.1:7401")]
    [InlineData("http://+:8080;https://+:8443", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:5000/", "http://localhost:5000")]
    [InlineData("http://[::]:5000", "http://localhost:5000")]
    [InlineData("http://127.0.0.1:0", null)]
    [InlineData("", null)]
    public void The_address_linked_to_is_the_first_listening_address_as_a_browser_opens_it(string urls, string? expected) =>
        Assert.Equal(expected, CoproWeek.Host.ListeningSite.LinkableUrl(urls));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.SendAsync(request);
    }

    private static (int, int) Size(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        return (bitmap.Width, bitmap.Height);
    }
}
