using System.Net;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Moderation;

public sealed class ModerationQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_queue_lists_held_items_oldest_first_page_by_page_with_a_continuation_token()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var held = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            held.Add((await HeldItems.SubmitAsync(client, hub, $"Held workshop number {i}")).Id);
        }
        var clean = await SampleEvent.SubmitAsync(client);
        await SampleEvent.WaitUntilLiveAsync(client, hub, clean.Id);

        var seen = new List<System.Text.Json.JsonElement>();
        var pages = 0;
        string? token = null;
        do
        {
            var path = "/api/moderation/queue?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var response = await client.SendAsync(HeldItems.Request(HttpMethod.Get, path, key));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HeldItems.JsonOf(response);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 2);
            seen.AddRange(items);
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == System.Text.Json.JsonValueKind.String ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(held, seen.Select(i => i.GetProperty("id").GetString()));
        Assert.InRange(pages, 3, 4);
        var first = seen[0];
        Assert.Equal("event", first.GetProperty("kind").GetString());
        Assert.Equal("Held workshop number 1", first.GetProperty("title").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.True(first.TryGetProperty("submitted", out _));
        Assert.Equal("links", first.GetProperty("findings")[0].GetProperty("check").GetString());
        Assert.DoesNotContain(seen, i => i.GetProperty("id").GetString() == clean.Id);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("continuationToken=bm90LW91cnM", "continuationToken")]
    public async Task A_bad_page_size_or_token_is_a_400_naming_the_field(string query, string field)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");

        var response = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue?" + query, key));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await HeldItems.JsonOf(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_item_shows_as_it_will_be_published_with_its_findings_and_history()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var answer = await HeldItems.SubmitAsync(client, hub, "A <b>bold</b> workshop");

        var response = await client.SendAsync(HeldItems.Request(HttpMethod.Get, $"/api/moderation/items/{answer.Id}", key));
        var missing = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/items/0123456789abcdef0123", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"v1\"", response.Headers.ETag?.Tag);
        var item = await HeldItems.JsonOf(response);
        Assert.Equal("held", item.GetProperty("status").GetString());
        Assert.Equal("A <b>bold</b> workshop", item.GetProperty("details").GetProperty("title").GetString());
        var preview = item.GetProperty("previewHtml").GetString()!;
        Assert.Contains("<h1>A &lt;b&gt;bold&lt;/b&gt; workshop</h1>", preview);
        Assert.DoesNotContain(SampleEvent.ContactEmail, preview);
        var history = item.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("held", Assert.Single(history).GetProperty("decision").GetString());
        Assert.Equal("auto", history[0].GetProperty("who").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
