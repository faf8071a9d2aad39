using Azure.Storage.Blobs.Models;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Events;
using CoproWeek.Tests.Infrastructure;
using CoproWeek.Tests.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Contacts;

public sealed class UnconfirmedSubmissionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    private async Task<int> FilesAsync(HubFactory hub, string id)
    {
        var count = 0;
        await foreach (var _ in hub.Storage.Container(HubStorage.ContainerNames.Submissions).GetBlobsAsync(BlobTraits.None, BlobStates.None, $"posts/{id}/", CancellationToken.None))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public async Task Submissions_still_unconfirmed_after_seven_days_go_with_their_pictures_and_younger_or_confirmed_ones_stay()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Contacts:RequireConfirmation"] = "true" },
            s => s.AddSingleton<TimeProvider>(_clock));
        using var client = hub.CreateClient();
        var store = hub.Services.GetRequiredService<SubmissionStore>();
        var story = await SamplePost.SubmitAsync(client);
        var oldEvent = await SampleEvent.SubmitAsync(client);
        _clock.Advance(TimeSpan.FromDays(6));
        var body = SampleEvent.Json(title: "A later workshop");
        body["contact"]!["email"] = "later@example.org";
        var youngEvent = await SampleEvent.SubmitAsync(client, body);
        var picturesBefore = await FilesAsync(hub, story.Id);
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var removed = await hub.Services.GetRequiredService<UnconfirmedSubmissions>().SweepAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal("awaiting-confirmation", story.Status);
        Assert.True(picturesBefore > 0);
        Assert.Equal(2, removed);
        Assert.Null(await store.GetAsync(story.Id, CancellationToken.None));
        Assert.Null(await store.GetAsync(oldEvent.Id, CancellationToken.None));
        Assert.Equal(0, await FilesAsync(hub, story.Id));
        Assert.Equal(SubmissionStatus.AwaitingConfirmation, (await store.GetAsync(youngEvent.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Per_client_counts_of_hours_that_are_over_are_removed()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Limits:SubmissionsPerHour"] = "30" },
            s => s.AddSingleton<TimeProvider>(_clock));
        using var client = hub.CreateClient();
        await SampleEvent.SubmitAsync(client);
        var sweep = hub.Services.GetRequiredService<ExpiredClientCounts>();

        var duringTheHour = await sweep.SweepAsync(_clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var afterIt = await sweep.SweepAsync(_clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal((0, 1), (duringTheHour, afterIt));
    }
}
