using System.Net;
using System.Net.Http.Json;
using CoproWeek.Host;
using CoproWeek.Hub;
using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Foundation;

/// <summary>The environment the host runs in, started with <c>dotnet run</c> as the README says.</summary>
[LongRunning]
public sealed class EnvironmentTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string MasterKey = "master-key-for-environment-tests";

    [Fact]
    public async Task A_plain_dotnet_run_is_Development_with_its_outbox_and_open_admin_api()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        await using var host = await DotnetRun.StartAsync(Settings(storage.Options.Prefix));
        using var client = new HttpClient { BaseAddress = host.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dev/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RunTimerAsync(client, key: null)).StatusCode);
        await storage.DeleteAllAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("DOTNET_ENVIRONMENT")]
    public async Task An_explicit_Production_wins_over_the_launch_profile(string variable)
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var settings = Settings(storage.Options.Prefix);
        settings[variable] = "Production";
        await using var host = await DotnetRun.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = host.Address };

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RunTimerAsync(client, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RunTimerAsync(client, key: "a-guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await RunTimerAsync(client, MasterKey)).StatusCode);
        await storage.DeleteAllAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(new string[0], null, null, "Development", "Development")]
    [InlineData(new string[0], "Production", null, "Development", null)]
    [InlineData(new string[0], null, "Staging", "Development", null)]
    [InlineData(new[] { "--environment", "Production" }, null, null, "Development", null)]
    [InlineData(new string[0], null, null, null, null)]
    public void The_launch_profile_default_counts_only_when_nothing_is_chosen(string[] args, string? aspnetcore, string? dotnet, string? launchDefault, string? imposed)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = aspnetcore,
            ["DOTNET_ENVIRONMENT"] = dotnet,
            [HostEnvironment.DefaultVariable] = launchDefault,
        };

        Assert.Equal(imposed, HostEnvironment.Default(args, name => variables.GetValueOrDefault(name)));
    }

    private Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Storage__Prefix"] = prefix,
        ["Subscriptions__AddressHashKey"] = "test-address-hash-key-of-enough-length-0123",
        ["Host__MasterKey"] = MasterKey,
        // Nothing in the background but what the test asks for.
        [$"AzureWebJobs.{Triggers.PlanWeeklyDigest}.Disabled"] = "true",
        [$"AzureWebJobs.{Triggers.PlanDailyDigest}.Disabled"] = "true",
    };

    private static Task<HttpResponseMessage> RunTimerAsync(HttpClient client, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{Triggers.PlanWeeklyDigest}") { Content = JsonContent.Create(new { input = "" }) };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }
        return client.SendAsync(request);
    }
}
