using CoproWeek.Hub;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Foundation;

public sealed class StartUpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_host_starting_on_a_site_its_renderers_built_creates_nothing_and_asks_for_no_rebuild()
    {
        var logs = new CapturedLogs();
        await using var first = new HubFactory(azurite);
        first.CreateClient().Dispose();
        var built = await BuiltAsync(first);

        await using var second = new HubFactory(azurite, new Dictionary<string, string?> { ["Storage:Prefix"] = first.Prefix },
            services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        second.CreateClient().Dispose();
        await first.QueuesIdleAsync(Triggers.RebuildIndexes);
        await second.QueuesIdleAsync(Triggers.RebuildIndexes);

        Assert.Equal(SiteBuild.RenderersVersion, await first.Services.GetRequiredService<SiteBuild>().BuiltByAsync(CancellationToken.None));
        Assert.Equal(built, await RebuildsAsync(first));
        Assert.Equal(0, await second.Storage.EnsureCreatedAsync(CancellationToken.None));
        var start = logs.Records.Where(r => r.Category == typeof(CreateStorageAtStart).FullName).Select(r => r.Message).ToList();
        Assert.Equal([$"The site was built by these renderers ({SiteBuild.RenderersVersion}); no rebuild needed"], start);
    }

    [Fact]
    public async Task A_host_starting_on_a_site_other_renderers_built_asks_for_one_rebuild()
    {
        await using var first = new HubFactory(azurite);
        first.CreateClient().Dispose();
        var built = await BuiltAsync(first);
        await first.Storage.Container(HubStorage.ContainerNames.Hosts).GetBlobClient("site-build.json")
            .UploadAsync(BinaryData.FromString("{\"renderers\":\"an-older-release\",\"builtAt\":\"2027-07-01T00:00:00+00:00\"}"), overwrite: true);

        await using var second = new HubFactory(azurite, new Dictionary<string, string?> { ["Storage:Prefix"] = first.Prefix });
        second.CreateClient().Dispose();
        await Eventually.TrueAsync(async () => await RebuildsAsync(first) > built, "the new renderers to rebuild the site");

        await Eventually.TrueAsync(async () =>
            await first.Services.GetRequiredService<SiteBuild>().BuiltByAsync(CancellationToken.None) == SiteBuild.RenderersVersion, "the new version to be recorded");
    }

    /// <summary>Waits for the rebuild a host on new storage asks for, and returns how many rebuilds have run.</summary>
    private static async Task<int> BuiltAsync(HubFactory hub)
    {
        await Eventually.TrueAsync(async () => await hub.Services.GetRequiredService<SiteBuild>().BuiltByAsync(CancellationToken.None) is not null,
            "the first build to be recorded");
        await hub.QueuesIdleAsync(Triggers.RebuildIndexes);
        return await RebuildsAsync(hub);
    }

    private static Task<int> RebuildsAsync(HubFactory hub) => hub.Services.GetRequiredService<IndexRebuilds>().CountAsync(CancellationToken.None);
}
