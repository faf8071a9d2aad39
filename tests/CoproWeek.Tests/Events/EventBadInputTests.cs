using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoproWeek.Hub.Http;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Events;

[LongRunning]
public sealed class EventBadInputTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    public static TheoryData<string, string, string> FieldProblems => new()
    {
        // case name, JSON patch applied to a valid event (path=value, value as JSON), the field the problem must name
        { "unknown field", "colour=\"blue\"", "colour" },
        { "unknown nested field", "organiser.phone=\"0123\"", "organiser.phone" },
        { "unknown region", "region=\"mars\"", "region" },
        { "unknown topic", "topics=[\"health\",\"astrology\"]", "topics" },
        { "topics not a list", "topics=\"health\"", "topics" },
        { "missing title", "title=null", "title" },
        { "overlong title", $"title=\"{new string('a', 121)}\"", "title" },
        { "overlong description", $"description=\"{new string('a', 5001)}\"", "description" },
        { "control character", "title=\"Tab\\u0007bell\"", "title" },
        { "newline in title", "title=\"Two\\nlines\"", "title" },
        { "invalid email", "contact.email=\"not-an-email\"", "contact.email" },
        { "email with spaces", "contact.email=\"a b@example.org\"", "contact.email" },
        { "http website", "organiser.website=\"http://example.org\"", "organiser.website" },
        { "javascript booking link", "bookingUrl=\"javascript:alert(1)\"", "bookingUrl" },
        { "data link", "bookingUrl=\"data:text/html,<script>alert(1)</script>\"", "bookingUrl" },
        { "impossible date", "start=\"2027-02-30T10:00:00+00:00\"", "start" },
        { "date without offset", "start=\"2027-07-05T10:00:00\"", "start" },
        { "not a date", "end=\"tomorrow\"", "end" },
        { "end before start", "end=\"2020-01-01T10:00:00+00:00\"", "end" },
        { "start in the past", "start=\"2020-01-01T10:00:00+00:00\"", "start" },
        { "unknown format", "format=\"telepathy\"", "format" },
        { "in person without postcode", "venue.postcode=null", "venue.postcode" },
        { "bad postcode", "venue.postcode=\"NOT A CODE\"", "venue.postcode" },
        { "flag as text", "access.bsl=\"yes please\"", "access.bsl" },
        { "number for text", "summary=42", "summary" },
    };

    [Theory]
    [MemberData(nameof(FieldProblems))]
    public async Task Bad_fields_get_a_400_problem_naming_the_field_and_nothing_is_stored(string name, string patch, string field)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var body = SampleEvent.Json();
        Apply(body, patch);

        var response = await client.PostAsJsonAsync("/api/events", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: expected 400, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{name}: the problem should name {field}, it named {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task Every_failing_field_is_listed_at_once()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/events", new { title = "", region = "atlantis", extra = 1 });
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "title", "summary", "description", "organiser.name", "contact.name", "contact.email", "start", "end", "format", "region", "extra" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}");
        }
    }

    [Theory]
    [InlineData("text/plain", "hello", 415)]
    [InlineData("application/xml", "<event/>", 415)]
    [InlineData("application/json", "{\"title\": ", 400)]
    [InlineData("application/json", "[1,2,3]", 400)]
    [InlineData("application/json", "", 400)]
    public async Task Bodies_that_cannot_be_read_get_a_clear_status_and_nothing_is_stored(string contentType, string body, int status)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task A_missing_content_type_is_a_415()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SampleEvent.Json().ToJsonString()));

        var response = await client.PostAsync("/api/events", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_a_413_and_nothing_is_stored()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var body = SampleEvent.Json();
        body["description"] = new string('x', 70 * 1024);

        var response = await client.PostAsJsonAsync("/api/events", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(hub);
    }

    [Theory]
    [InlineData(InputFields.MaxBodyBytes, true, HttpStatusCode.BadRequest)]
    [InlineData(InputFields.MaxBodyBytes, false, HttpStatusCode.BadRequest)]
    [InlineData(InputFields.MaxBodyBytes + 1, true, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(InputFields.MaxBodyBytes + 1, false, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_body_of_exactly_64_KiB_is_read_and_one_byte_more_is_a_413_with_or_without_a_length(int size, bool withLength, HttpStatusCode expected)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        // Valid JSON of exactly the given size; at 64 KiB it is read whole and then refused field by field (400).
        var bytes = Encoding.UTF8.GetBytes("{\"title\":\"" + new string('x', size - "{\"title\":\"\"}".Length) + "\"}");
        Assert.Equal(size, bytes.Length);
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes), 1024);
        content.Headers.ContentType = new("application/json");
        if (!withLength)
        {
            content.Headers.ContentLength = null;
        }

        var response = await client.PostAsync("/api/events", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("title", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task A_long_description_sent_without_a_length_is_read_whole()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        // 5,000 Welsh letters (about 30 KB once the serializer escapes them), posted with no Content-Length,
        // so the reader starts small and grows its buffer as the body arrives.
        var description = string.Concat(Enumerable.Repeat("ŵŷ", 2500));
        var body = SampleEvent.Json();
        body["description"] = description;
        var answer = await SampleEvent.SubmitAsync(client, body);

        var view = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));
        var stored = JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetProperty("description").GetString();

        Assert.Equal(description, stored);
    }

    [Fact]
    public async Task Welsh_emoji_and_right_to_left_text_round_trip_intact()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        const string title = "Cyd-gynhyrchu yng Nghymru 🌈 — مرحبا";
        var answer = await SampleEvent.SubmitAsync(client, SampleEvent.Json(title: title));

        var view = await client.SendAsync(SampleEvent.WithToken(HttpMethod.Get, $"/api/events/{answer.Id}", SampleEvent.Token(answer)));
        var stored = JsonDocument.Parse(await view.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetProperty("title").GetString();

        Assert.Equal(title, stored);
    }

    private static async Task AssertNothingStoredAsync(HubFactory hub)
    {
        await foreach (var _ in hub.Storage.Table("Submissions").QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1))
        {
            Assert.Fail("A submission was stored for a refused request.");
        }
        Assert.Null((await hub.Storage.Queue(Hub.Triggers.Queues.Moderation).PeekMessageAsync()).Value);
        Assert.Null((await hub.Storage.Queue(Hub.Triggers.Queues.Email).PeekMessageAsync()).Value);
    }

    /// <summary>Sets (or with null removes) a dotted path in the event JSON.</summary>
    private static void Apply(JsonObject body, string patch)
    {
        var split = patch.IndexOf('=');
        var path = patch[..split].Split('.');
        var value = JsonNode.Parse(patch[(split + 1)..]);
        var target = body;
        foreach (var part in path[..^1])
        {
            target = (JsonObject)target[part]!;
        }
        if (value is null)
        {
            target.Remove(path[^1]);
        }
        else
        {
            target[path[^1]] = value;
        }
    }
}
