using System.Net;
using System.Text;
using System.Text.Json;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Posts;

[LongRunning]
public sealed class PostBadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, string> Cases => new()
    {
        // case name, the field the problem must name
        { "too many images", "images" },
        { "missing alt text", "imageAlt[1]" },
        { "renamed text file", "images[0]" },
        { "gif", "images[0]" },
        { "unknown part", "colour" },
        { "missing consent", "consent" },
        { "missing title", "title" },
        { "overlong title", "title" },
        { "overlong body", "body" },
        { "empty body", "body" },
        { "bad email", "authorEmail" },
        { "eleven tags", "tags" },
        { "long tag", "tags" },
        { "bad related event", "relatedEventId" },
        { "repeated title", "title" },
        { "alt without a picture", "images[1]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_stories_get_a_400_naming_the_field_and_nothing_is_stored(string name, string field)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = Spoil(name, SamplePost.Parts(images: 2));

        var response = await client.PostAsync("/api/posts", SamplePost.Content(parts));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: expected 400, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{name}: the problem should name {field}, it named {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task An_upload_over_16_MB_is_a_413_and_nothing_is_stored()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = SamplePost.Parts(images: 0);
        parts.Add(new("images", File: new byte[17 * 1024 * 1024], FileName: "huge.jpg", ContentType: "image/jpeg"));
        parts.Add(new("imageAlt", "Too big"));

        var response = await client.PostAsync("/api/posts", SamplePost.Content(parts));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task An_oversize_upload_with_no_length_given_is_stopped_at_16_MB_with_a_413()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var content = SamplePost.Content(SamplePost.Parts(images: 0).Append(new("images", File: new byte[17 * 1024 * 1024], FileName: "huge.jpg", ContentType: "image/jpeg")));
        var bytes = await content.ReadAsByteArrayAsync();
        // A stream of unknown length is sent chunked, so the server cannot refuse it from the Content-Length header.
        var chunked = new StreamContent(new NoLengthStream(bytes));
        chunked.Headers.ContentType = content.Headers.ContentType;

        var response = await client.PostAsync("/api/posts", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Theory]
    [InlineData("application/json", "{\"title\":\"x\"}", 415)]
    [InlineData("multipart/form-data", "no boundary", 415)]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\ncut sh", 400)]
    public async Task Bodies_that_cannot_be_read_get_a_clear_status_and_nothing_is_stored(string contentType, string body, int status)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("/api/posts", content);

        Assert.Equal(status, (int)response.StatusCode);
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task The_form_gets_its_page_back_with_each_problem_by_its_field()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = Spoil("missing alt text", Spoil("missing consent", SamplePost.Parts(images: 2)));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/posts") { Content = SamplePost.Content(parts) };
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Contains("Tick the box", page.QuerySelector("#field-consent-error")?.TextContent);
        Assert.Contains("Describe picture 2", page.QuerySelector("#field-imageAlt-error")?.TextContent);
        Assert.Equal(SamplePost.Title, page.QuerySelector("#field-title")?.GetAttribute("value"));
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    private static List<SamplePost.Part> Spoil(string name, List<SamplePost.Part> parts)
    {
        void Set(string part, string? text)
        {
            parts.RemoveAll(p => p.Name == part);
            if (text is not null)
            {
                parts.Add(new(part, text));
            }
        }
        switch (name)
        {
            case "too many images":
                parts.AddRange(Enumerable.Range(0, 2).Select(i => new SamplePost.Part("images", File: SamplePost.Photo(10 + i), FileName: "more.jpg", ContentType: "image/jpeg")));
                parts.AddRange(Enumerable.Range(0, 2).Select(i => new SamplePost.Part("imageAlt", "More")));
                break;
            case "missing alt text":
                var alt = parts.FindLastIndex(p => p.Name == "imageAlt");
                parts[alt] = parts[alt] with { Text = "   " };
                break;
            case "renamed text file":
                parts[parts.FindIndex(p => p.Name == "images")] = new("images", File: Encoding.UTF8.GetBytes("Just some notes, not a photo.\n"), FileName: "holiday.jpg", ContentType: "image/jpeg");
                break;
            case "gif":
                parts[parts.FindIndex(p => p.Name == "images")] = new("images", File: TestPictures.TinyGif, FileName: "a.gif", ContentType: "image/gif");
                break;
            case "unknown part":
                parts.Add(new("colour", "blue"));
                break;
            case "missing consent":
                Set("consent", null);
                break;
            case "missing title":
                Set("title", "");
                break;
            case "overlong title":
                Set("title", new string('a', 121));
                break;
            case "overlong body":
                Set("body", new string('a', 20_001));
                break;
            case "empty body":
                Set("body", " ");
                break;
            case "bad email":
                Set("authorEmail", "not-an-email");
                break;
            case "eleven tags":
                Set("tags", string.Join(",", Enumerable.Range(1, 11).Select(i => $"tag{i}")));
                break;
            case "long tag":
                Set("tags", "fine, " + new string('t', 31));
                break;
            case "bad related event":
                Set("relatedEventId", "../../etc/passwd");
                break;
            case "repeated title":
                parts.Add(new("title", "A second title"));
                break;
            case "alt without a picture":
                parts.RemoveAt(parts.FindLastIndex(p => p.Name == "images"));
                break;
        }
        return parts;
    }

    /// <summary>A readable stream that will not say how long it is.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
