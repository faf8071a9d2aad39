using System.Net;
using CoproWeek.Hub.Moderation;
using CoproWeek.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoproWeek.Tests.Moderation;

/// <summary>The moderation sign-in against a burst of guesses, forms from other sites, and HTTPS behind a front end.</summary>
public sealed class SignInSecurityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static FormUrlEncodedContent SignIn(string key) => new([new("key", key)]);

    [Fact]
    public async Task A_burst_of_150_concurrent_wrong_keys_gets_at_most_the_limit_checked_and_the_rest_429_with_retry_after()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");

        var burst = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => client.PostAsync("/api/moderate", SignIn($"0123456789abcdef.guess{i}"))));
        var afterwards = await client.PostAsync("/api/moderate", SignIn(key));

        // A checked wrong key is answered 401; a refused one 429 without being checked.
        var checkedKeys = burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(checkedKeys, 1, SignInThrottle.FailuresAllowed);
        Assert.Equal(150 - checkedKeys, refused.Count);
        Assert.All(refused, r => Assert.InRange(r.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterwards.StatusCode);
    }

    [Fact]
    public async Task Two_hosts_sharing_storage_check_at_most_the_limit_between_them_and_a_right_key_gives_its_try_back()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var hosts = new[] { new SignInThrottle(storage, TimeProvider.System), new SignInThrottle(storage, TimeProvider.System) };
        const string client = "203.0.113.7";
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await hosts[i % 2].ReserveAsync(client, CancellationToken.None));
            await hosts[i % 2].SucceededAsync(client, CancellationToken.None);
        }

        var checkedKeys = 0;
        var answers = await Task.WhenAll(Enumerable.Range(0, 150).Select(async i =>
        {
            var host = hosts[i % 2];
            if (await host.ReserveAsync(client, CancellationToken.None) is { } wait)
            {
                return wait;
            }
            Interlocked.Increment(ref checkedKeys);
            return await host.FailedAsync(client, CancellationToken.None);
        }));

        Assert.Equal(SignInThrottle.FailuresAllowed, checkedKeys);
        var blocked = await hosts[0].WaitAsync(client, CancellationToken.None);
        Assert.NotNull(blocked);
        Assert.InRange(blocked.Value, TimeSpan.FromSeconds(1), SignInThrottle.FirstBlock);
        Assert.Equal(150 - SignInThrottle.FailuresAllowed + 1, answers.Count(a => a is not null));
        await storage.DeleteAllAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_sign_in_posted_from_another_site_is_refused_before_the_key_is_checked(string header, string value)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/moderate") { Content = SignIn(key) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "http://localhost")]
    [InlineData(null, null)]
    public async Task A_sign_in_from_the_page_itself_or_a_program_goes_through(string? header, string? value)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/moderate") { Content = SignIn(key) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("http://localhost", null, false)]
    [InlineData("http://localhost", "https", true)]
    [InlineData("http://localhost", "https,http", true)]
    [InlineData("https://api.coproductionweek.example", null, true)]
    public async Task The_session_cookie_is_secure_whenever_the_browser_came_over_https(string apiUrl, string? forwardedProto, bool secure)
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Site:ApiUrl"] = apiUrl });
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/moderate") { Content = SignIn(key) };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var response = await client.SendAsync(request);

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Equal(secure, cookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
