using System.Net;
using CoproWeek.Hub.Moderation;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoproWeek.Tests.Moderation;

public sealed class ModerationAccessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("0123456789abcdef.not-the-secret")]
    [InlineData("nonsense")]
    public async Task Without_a_working_key_the_api_answers_401_with_a_bearer_challenge(string? key)
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        await HeldItems.AddModeratorAsync(hub, "Sam");

        var queue = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key));
        var item = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/items/0123456789abcdef0123", key));
        var decision = await HeldItems.DecideAsync(client, key, "0123456789abcdef0123", "\"v1\"", "approve");

        foreach (var response in new[] { queue, item, decision })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Five_wrong_keys_in_a_minute_get_429_with_retry_after_even_for_the_right_key()
    {
        // Failures are counted per clock minute: a clock that starts on the minute keeps all five in one, however slow the machine.
        var origin = new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var clock = new Mock<TimeProvider> { CallBase = true };
        clock.Setup(c => c.GetUtcNow()).Returns(() => origin + elapsed.Elapsed);
        await using var hub = new HubFactory(azurite, services: services => services.AddSingleton(clock.Object));
        using var client = hub.CreateClient();
        var key = await HeldItems.AddModeratorAsync(hub, "Sam");

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < SignInThrottle.FailuresAllowed; i++)
        {
            wrong.Add((await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", $"0123456789abcdef.guess{i}"))).StatusCode);
        }
        var blocked = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key));
        var blockedWrong = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", "0123456789abcdef.guess"));

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var retryAfter = blocked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, blockedWrong.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_block_lasts_longer_than_the_one_before_and_ends_when_its_time_is_up()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var now = new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(() => now);
        var throttle = new SignInThrottle(storage, clock.Object);
        var other = new SignInThrottle(storage, clock.Object); // another host, sharing only storage

        async Task<TimeSpan?> FailFiveTimesAsync()
        {
            TimeSpan? blocked = null;
            for (var i = 0; i < SignInThrottle.FailuresAllowed; i++)
            {
                blocked = await throttle.FailedAsync("203.0.113.9", CancellationToken.None);
            }
            return blocked;
        }

        var first = await FailFiveTimesAsync();
        var seenElsewhere = await other.WaitAsync("203.0.113.9", CancellationToken.None);
        var someoneElse = await throttle.WaitAsync("198.51.100.1", CancellationToken.None);
        now = now.AddMinutes(1).AddSeconds(1);
        var afterFirst = await throttle.WaitAsync("203.0.113.9", CancellationToken.None);
        var second = await FailFiveTimesAsync();
        now = now.AddMinutes(2).AddSeconds(1);
        var third = await FailFiveTimesAsync();

        Assert.Equal(SignInThrottle.FirstBlock, first);
        Assert.Equal(SignInThrottle.FirstBlock, seenElsewhere);
        Assert.Null(someoneElse);
        Assert.Null(afterFirst);
        Assert.Equal(2 * SignInThrottle.FirstBlock, second);
        Assert.Equal(4 * SignInThrottle.FirstBlock, third);
    }
}
