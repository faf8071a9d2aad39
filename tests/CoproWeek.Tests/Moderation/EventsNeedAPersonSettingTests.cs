using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

public sealed class EventsNeedAPersonSettingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_value_that_is_not_true_or_false_stops_the_start_with_one_line_naming_the_setting()
    {
        var (exitCode, output) = await HostProcess.RunAsync(new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Moderation__EventsNeedAPerson"] = "yes",
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("could not start"));
        Assert.Contains("Moderation:EventsNeedAPerson must be true or false, not \"yes\".", line);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Flipping_the_setting_rebuilds_the_submit_event_form_and_its_thanks_page_at_the_next_start()
    {
        var on = new Dictionary<string, string?> { ["Moderation:EventsNeedAPerson"] = "true" };
        await using var first = new HubFactory(azurite, on);
        first.CreateClient().Dispose();
        await Eventually.TrueAsync(async () => await first.Services.GetRequiredService<SiteBuild>().BuiltByAsync(CancellationToken.None) is not null,
            "the first build to be recorded");
        await first.QueuesIdleAsync(Triggers.RebuildIndexes);
        // As the site was when these renderers built it with the setting off.
        await first.Storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient("site-build.json").UploadAsync(
            BinaryData.FromString($"{{\"renderers\":\"{SiteBuild.RenderersVersion}\",\"builtAt\":\"2027-07-01T00:00:00+00:00\"}}"), overwrite: true);
        foreach (var page in new[] { "submit-event/index.html", "submit-event/thanks/index.html" })
        {
            await first.Storage.Site.GetBlobClient(page).UploadAsync(BinaryData.FromString(ModerationPromise.Event(eventsNeedAPerson: false)), overwrite: true);
        }

        await using var second = new HubFactory(azurite, new Dictionary<string, string?>(on) { ["Storage:Prefix"] = first.Prefix });
        using var client = second.CreateClient();
        var form = await Eventually.GetAsync(async () => await client.GetStringAsync("/submit-event/") is { } page
            && page.Contains(ModerationPromise.Event(eventsNeedAPerson: true), StringComparison.Ordinal) ? page : null, "the form to be rebuilt");
        // Both hosts listen on the same queues, so either may run the rebuild: wait for what it writes, not for one host to be idle.
        var thanks = await Eventually.GetAsync(async () => await client.GetStringAsync("/submit-event/thanks/") is { } page
            && page.Contains(ModerationPromise.Event(eventsNeedAPerson: true), StringComparison.Ordinal) ? page : null, "the thanks page to be rebuilt");
        var current = second.Services.GetRequiredService<SiteBuild>().Current;
        var recorded = await Eventually.GetAsync(async () => await second.Services.GetRequiredService<SiteBuild>().BuiltByAsync(CancellationToken.None) is { } built
            && built == current ? built : null, "the new build to be recorded");

        Assert.DoesNotContain(ModerationPromise.Event(eventsNeedAPerson: false), form);
        Assert.Contains(ModerationPromise.Event(eventsNeedAPerson: true), thanks);
        Assert.Equal(current, recorded);
        Assert.NotEqual(SiteBuild.RenderersVersion, recorded);
    }
}
