using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Posts;

public sealed class PostLifecycleTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_story_is_held_for_a_person_then_approved_published_listed_and_in_both_feeds_with_an_event()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var hostile = SamplePost.Body + "\n\n<script>alert(1)</script> <iframe src=\"https://evil.example\"></iframe> "
            + "<img src=x onerror=alert(1)> [click](javascript:alert(1))";
        var listedEvent = await SampleEvent.SubmitAsync(client);
        var eventPath = await SampleEvent.WaitUntilLiveAsync(client, hub, listedEvent.Id);

        var answer = await SamplePost.SubmitAsync(client, SamplePost.Parts(body: hostile, images: 2));
        var held = await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Live);

        Assert.Equal("received", answer.Status);
        Assert.Contains(held.Findings, f => f.Message == "Every story is read by a person before it goes out.");
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        Assert.Equal(SamplePost.Title, page.QuerySelector("h1")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']), iframe"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(SamplePost.AuthorEmail, page.DocumentElement.OuterHtml);
        var pictures = page.QuerySelectorAll("figure img");
        Assert.Equal(2, pictures.Length);
        Assert.All(pictures, img => Assert.StartsWith("Picture ", img.GetAttribute("alt")));
        foreach (var img in pictures)
        {
            var picture = await client.GetAsync(new Uri(img.GetAttribute("src")!).AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/jpeg", picture.Content.Headers.ContentType?.MediaType);
        }
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("BlogPosting", jsonLd.GetProperty("@type").GetString());
        Assert.Equal(SamplePost.Title, jsonLd.GetProperty("headline").GetString());
        Assert.Equal("Sam Example", jsonLd.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Person", jsonLd.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal(2, jsonLd.GetProperty("image").GetArrayLength());
        Assert.EndsWith(path, jsonLd.GetProperty("url").GetString());
        Assert.True(DateTimeOffset.TryParse(jsonLd.GetProperty("datePublished").GetString(), out _));

        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/posts/")).Contains(path), "the story to be listed on /posts/");
        var rss = await Eventually.GetAsync(async () => await FeedAsync(client, "/feed.xml") is { } f && f.Items.Any(i => Link(i).EndsWith(path)) ? f : null, "the RSS feed to carry the story");
        var atom = await FeedAsync(client, "/atom.xml");
        foreach (var feed in new[] { rss, atom! })
        {
            Assert.Contains(feed.Items, i => Link(i).EndsWith(path) && i.Title.Text == SamplePost.Title);
            Assert.Contains(feed.Items, i => Link(i).EndsWith(eventPath));
        }
        Assert.Contains(path, await client.GetStringAsync("/sitemap.xml"));
        var emails = await Eventually.GetAsync(async () =>
        {
            var all = await hub.Services.GetRequiredService<Outbox>().ListAsync(20, CancellationToken.None);
            return all.Count(e => e.To == SamplePost.AuthorEmail) >= 3 ? all.Where(e => e.To == SamplePost.AuthorEmail).ToList() : null;
        }, "the receipt, held and live emails");
        Assert.Contains(emails, e => e.Subject.StartsWith("We have your story") && e.Text.Contains(answer.ManageUrl));
        Assert.Contains(emails, e => e.Subject.StartsWith("A person will read your story"));
        Assert.Contains(emails, e => e.Subject.StartsWith("Your story is live"));
    }

    [Fact]
    public async Task A_withdrawn_story_leaves_its_page_the_list_and_the_feeds_and_cannot_come_back()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SamplePost.SubmitAsync(client);
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/posts/")).Contains(path), "the story to be listed");
        var picture = path + "image-1.jpg";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(picture)).StatusCode);

        var edit = SamplePost.WithToken(HttpMethod.Put, $"/api/posts/{answer.Id}", SamplePost.Token(answer));
        edit.Content = SamplePost.Content(SamplePost.Parts(title: "Changed after publishing"));
        edit.Headers.IfMatch.ParseAdd("*");
        var editLive = await client.SendAsync(edit);
        var withdraw = await client.SendAsync(SamplePost.WithToken(HttpMethod.Delete, $"/api/posts/{answer.Id}", SamplePost.Token(answer)));
        await Eventually.TrueAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, "the page to be gone");
        await Eventually.TrueAsync(async () => !(await client.GetStringAsync("/posts/")).Contains(path), "the story to leave the list");
        await Eventually.TrueAsync(async () => (await FeedAsync(client, "/atom.xml"))!.Items.All(i => !Link(i).EndsWith(path)), "the story to leave the Atom feed");
        await hub.Services.GetRequiredService<Hub.Storage.QueueSender>().SendAsync(Hub.Triggers.Queues.Publish, new Hub.Publishing.PublishMessage(answer.Id, 1), CancellationToken.None);
        await hub.QueuesIdleAsync(Hub.Triggers.PublishItem);

        Assert.Equal(HttpStatusCode.Conflict, editLive.StatusCode);
        Assert.Contains("withdraw it and send it again", await editLive.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(picture)).StatusCode);
        Assert.DoesNotContain((await FeedAsync(client, "/feed.xml"))!.Items, i => Link(i).EndsWith(path));
        Assert.DoesNotContain(path, await client.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task A_gps_tagged_photo_is_stored_and_published_without_its_exif()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var camera = TestPictures.WithExif(SamplePost.Photo(), orientation: 6);
        Assert.Contains(TestPictures.JpegHeaderSegments(camera), s => s.Marker == 0xE1);
        var parts = SamplePost.Parts(images: 0);
        parts.Add(new("images", File: camera, FileName: "IMG_0001.JPG", ContentType: "image/jpeg"));
        parts.Add(new("imageAlt", "A view of the river from the community centre"));

        var answer = await SamplePost.SubmitAsync(client, parts);
        await SamplePost.ApproveAsync(hub, answer.Id);
        var path = await SamplePost.WaitUntilLiveAsync(client, hub, answer.Id);
        var stored = await hub.Storage.Container("submissions").GetBlobClient($"posts/{answer.Id}/v1/image-1.jpg").DownloadContentAsync();
        var published = await client.GetByteArrayAsync(path + "image-1.jpg");

        foreach (var jpeg in new[] { stored.Value.Content.ToArray(), published })
        {
            Assert.Equal(0xFF, jpeg[0]);
            Assert.DoesNotContain(TestPictures.JpegHeaderSegments(jpeg), s => s.Marker == 0xE1);
            Assert.Equal(-1, jpeg.AsSpan().IndexOf("Exif\0\0"u8));
        }
        // Orientation 6 means the camera held it sideways: the published picture stands upright, so taller than wide.
        using var bitmap = SkiaSharp.SKBitmap.Decode(published);
        Assert.True(bitmap.Height > bitmap.Width);
    }

    [Fact]
    public async Task The_manage_link_shows_the_story_only_with_its_token_and_an_edit_while_held_goes_round_again()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var answer = await SamplePost.SubmitAsync(client);
        var token = SamplePost.Token(answer);
        await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);

        var mine = await client.SendAsync(SamplePost.WithToken(HttpMethod.Get, $"/api/posts/{answer.Id}", token));
        var none = await client.GetAsync($"/api/posts/{answer.Id}");
        var wrong = await client.SendAsync(SamplePost.WithToken(HttpMethod.Get, $"/api/posts/{answer.Id}", "not-the-token"));
        var page = await client.GetAsync($"/api/posts/{answer.Id}/manage?token={Uri.EscapeDataString(token)}");
        var pageWithout = await client.GetAsync($"/api/posts/{answer.Id}/manage");
        var edit = SamplePost.WithToken(HttpMethod.Put, $"/api/posts/{answer.Id}", token);
        edit.Content = SamplePost.Content(SamplePost.Parts(title: "A better title"));
        edit.Headers.IfMatch.ParseAdd("\"v1\"");
        var edited = await client.SendAsync(edit);

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var view = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("held", view.GetProperty("status").GetString());
        Assert.Equal(SamplePost.Body, view.GetProperty("post").GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Withdraw this story", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, pageWithout.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
        Assert.Equal("\"v2\"", edited.Headers.ETag?.Tag);
        var again = await SamplePost.WaitForStatusAsync(hub, answer.Id, SubmissionStatus.Held);
        Assert.Equal(2, again.Version);
        Assert.Contains("A better title", again.DetailsJson);
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_gets_the_first_answer_and_stores_once()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        async Task<HttpResponseMessage> Post(string title)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/posts") { Content = SamplePost.Content(SamplePost.Parts(title: title)) };
            request.Headers.Add("Idempotency-Key", "story-retry-1");
            return await client.SendAsync(request);
        }

        var first = await Post(SamplePost.Title);
        var second = await Post(SamplePost.Title);
        var different = await Post("Another story");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        // The replay names the same item but leaves the manage link out: only the first answer holds it.
        var (firstAnswer, replay) = (JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement);
        Assert.Equal(firstAnswer.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        Assert.True(firstAnswer.TryGetProperty("manageUrl", out _));
        Assert.False(replay.TryGetProperty("manageUrl", out _));
        Assert.True(replay.GetProperty("manageUrlEmailed").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        var count = 0;
        await foreach (var row in hub.Storage.Table("Submissions").QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            count += row.PartitionKey == row.RowKey ? 1 : 0; // a submission's own row, not a review-queue or duplicate-index row
        }
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_form_answers_a_browser_with_a_redirect_and_the_story_form_is_on_the_site()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // A browser sends every file input, chosen or not, and every description box, filled or not.
        var parts = SamplePost.Parts(images: 1);
        parts.Add(new("images", File: [], FileName: "", ContentType: "application/octet-stream"));
        parts.Add(new("imageAlt", ""));
        parts.Add(new("website", ""));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/posts") { Content = SamplePost.Content(parts) };
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);
        var listedEvent = await SampleEvent.SubmitAsync(client);
        await SampleEvent.WaitUntilLiveAsync(client, hub, listedEvent.Id);
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync("/submit-post/"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/submit-post/thanks/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/submit-post/thanks/")).StatusCode);
        Assert.Equal("multipart/form-data", form.QuerySelector("form")?.GetAttribute("enctype"));
        Assert.Equal(3, form.QuerySelectorAll("input[type=file][name=images]").Length);
        Assert.Equal(3, form.QuerySelectorAll("input[name=imageAlt]").Length);
        Assert.All(form.QuerySelectorAll("input:not([type=hidden]), textarea"), input =>
            Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']")));
    }

    private static async Task<SyndicationFeed?> FeedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    private static string Link(SyndicationItem item) => item.Links.FirstOrDefault()?.Uri.ToString() ?? item.Id;
}
