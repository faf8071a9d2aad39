using System.Net;
using System.Net.Http.Json;
using CoproWeek.Hub.Limits;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Limits;

public sealed class ClientLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static Dictionary<string, string?> Limited(string prefix) => new()
    {
        ["Storage:Prefix"] = prefix,
        ["Limits:SubmissionsPerHour"] = "3",
        ["Limits:SignUpsPerHour"] = "2",
    };

    /// <summary>A request as a proxy on this machine passes it on: the client's address is the last X-Forwarded-For entry.</summary>
    private static HttpRequestMessage Post(string path, object body, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", "198.51.100.200, " + client);
        return request;
    }

    [Fact]
    public async Task A_client_over_its_hourly_limit_gets_a_429_problem_with_retry_after_and_the_count_holds_across_hosts()
    {
        var prefix = AzuriteFixture.NewPrefix();
        await using var first = new HubFactory(azurite, Limited(prefix));
        await using var second = new HubFactory(azurite, Limited(prefix));
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await (i % 2 == 0 ? one : two).SendAsync(Post("/api/events", SampleEvent.Json(title: $"Workshop {i}"), "203.0.113.9")));
        }
        var another = await two.SendAsync(Post("/api/events", SampleEvent.Json(), "203.0.113.10"));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var refused = answers[3];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in", await refused.Content.ReadAsStringAsync());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        Assert.Equal(HttpStatusCode.Accepted, another.StatusCode);
    }

    [Fact]
    public async Task An_ipv6_client_is_counted_by_its_64_network_and_the_form_shows_the_form_again_with_a_plain_message()
    {
        await using var hub = new HubFactory(azurite, Limited(AzuriteFixture.NewPrefix()));
        using var client = hub.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var address in new[] { "2001:db8:1:2::1", "2001:db8:1:2:aaaa::7", "[2001:db8:1:2::99]:443" })
        {
            statuses.Add((await client.SendAsync(Post("/api/subscriptions", new { email = $"someone{statuses.Count}@example.org", frequency = "weekly" }, address))).StatusCode);
        }
        var otherNetwork = await client.SendAsync(Post("/api/subscriptions", new { email = "other@example.org", frequency = "weekly" }, "2001:db8:1:3::1"));
        var form = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "form@example.org", ["frequency"] = "weekly" }),
        };
        form.Headers.Add("X-Forwarded-For", "2001:db8:1:2::5");
        var formAnswer = await client.SendAsync(form);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, otherNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, formAnswer.StatusCode);
        Assert.Equal("text/html", formAnswer.Content.Headers.ContentType?.MediaType);
        var page = await formAnswer.Content.ReadAsStringAsync();
        Assert.Contains("a lot of sign-ups from this connection", page);
        Assert.Contains("form@example.org", page);
    }

    [Fact]
    public async Task The_event_form_over_the_limit_comes_back_with_what_was_written()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>(Limited(AzuriteFixture.NewPrefix())) { ["Limits:SubmissionsPerHour"] = "1" });
        using var client = hub.CreateClient();
        HttpRequestMessage Form() => new(HttpMethod.Post, "/api/events")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "Our co-production cafe", ["summary"] = "Tea and planning." }),
        };

        var first = await client.SendAsync(Form());
        var second = await client.SendAsync(Form());

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("You have sent a lot from this connection", page);
        Assert.Contains("Our co-production cafe", page);
    }

    [Fact]
    public async Task Overlapping_requests_from_one_client_on_two_hosts_let_exactly_the_limit_through()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var settings = new Dictionary<string, string?>(Limited(prefix)) { ["Limits:SignUpsPerHour"] = "30" };
        await using var first = new HubFactory(azurite, settings);
        await using var second = new HubFactory(azurite, settings);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
            (i % 2 == 0 ? one : two).SendAsync(Post("/api/subscriptions", new { email = $"burst{i}@example.org", frequency = "weekly" }, "203.0.113.50"))));
        var counted = first.Storage.Container(Hub.Storage.HubStorage.ContainerNames.Limits).GetBlobs().Single().Properties.ContentLength;

        Assert.Equal(30, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(50, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        // A byte a request counted; requests a host already knew to be over were refused without counting.
        Assert.InRange(counted!.Value, 31, 80);
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void Clients_are_grouped_as_a_limit_sees_them(string address, string group) =>
        Assert.Equal(group, ClientLimits.Group(IPAddress.Parse(address)));
}
