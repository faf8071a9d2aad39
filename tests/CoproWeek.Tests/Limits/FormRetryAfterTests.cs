using System.Net;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Limits;

/// <summary>A form posted over the hourly limit is shown again with 429, and keeps the Retry-After the JSON answer has.</summary>
public sealed class FormRetryAfterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static HttpRequestMessage FormPost(string path, string client, bool multipart)
    {
        HttpContent content = multipart
            ? new MultipartFormDataContent("limit-boundary") { { new StringContent("x"), "title" } }
            : new FormUrlEncodedContent([new("title", "x")]);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("Accept", "text/html");
        return request;
    }

    [Theory]
    [InlineData("/api/events/00000000000000000000/access-requests", false)]
    [InlineData("/api/supporters", true)]
    [InlineData("/api/posts", true)]
    [InlineData("/api/events", false)]
    [InlineData("/api/subscriptions", false)]
    public async Task A_form_over_the_hourly_limit_is_a_page_with_429_and_Retry_After(string path, bool multipart)
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?>
        {
            ["Limits:AccessRequestsPerHour"] = "1",
            ["Limits:SupportersPerHour"] = "1",
            ["Limits:SubmissionsPerHour"] = "1",
            ["Limits:SignUpsPerHour"] = "1",
        });
        using var client = hub.CreateClient();

        var first = await client.SendAsync(FormPost(path, "203.0.113.21", multipart));
        var over = await client.SendAsync(FormPost(path, "203.0.113.21", multipart));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("text/html", over.Content.Headers.ContentType?.MediaType);
        var wait = over.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }
}
