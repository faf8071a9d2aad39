using System.Net;
using System.Net.Http.Json;
using CoproWeek.Host.Queues;
using CoproWeek.Hub;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoproWeek.Tests.Foundation;

[LongRunning]
public sealed class SelfHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_answers_200_when_storage_is_reachable()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_503_problem_details_when_storage_is_gone()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        // The site container goes, once the start-up build has written to it: health finds storage incomplete, and no
        // listener is left logging that the queues it reads have gone.
        await hub.QueuesIdleAsync(Triggers.RebuildIndexes);
        await hub.Storage.Site.DeleteAsync();

        var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_the_setting()
    {
        var (exitCode, output) = await HostProcess.RunAsync(new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Site__PublicUrl"] = "not a url",
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("could not start"));
        Assert.Contains("Site:PublicUrl", line);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Unreachable_storage_stops_start_up_with_one_line_and_no_stack_trace()
    {
        var closed = CoproWeek.Host.DevStorage.Azurite.FreePort();
        var (exitCode, output) = await HostProcess.RunAsync(new()
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={CoproWeek.Host.DevStorage.Azurite.AccountKey};BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage is not reachable", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task The_admin_api_runs_a_queue_function_now()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var email = new { id = "admin-run", to = "a@example.org", subject = "Hi", html = "<p>Hi</p>", text = "Hi", created = DateTimeOffset.UtcNow };

        var response = await client.PostAsJsonAsync($"/admin/functions/{Triggers.SendEmail}", new { input = System.Text.Json.JsonSerializer.Serialize(email) });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outbox = await client.GetStringAsync("/dev/outbox");
        Assert.Contains("Hi", outbox);
    }

    [Fact]
    public async Task A_function_switched_off_by_its_app_setting_leaves_its_queue_alone_while_the_others_run()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { [$"AzureWebJobs.{Triggers.SendEmail}.Disabled"] = "true" });
        using var client = hub.CreateClient();

        // The submission puts a moderation message and then a receipt email on their queues.
        var answer = await CoproWeek.Tests.Events.SampleEvent.SubmitAsync(client);
        await Eventually.TrueAsync(async () =>
            (await hub.Storage.Table("Submissions").GetEntityAsync<Azure.Data.Tables.TableEntity>(answer.Id, answer.Id)).Value.GetString("Status") != "Received",
            "moderation to run: queue listeners are working");
        await hub.QueuesIdleAsync(Triggers.ModerateSubmission, Triggers.PublishItem);

        Assert.DoesNotContain(Triggers.SendEmail, await hub.Services.GetRequiredService<QueueListeners>().ListeningAsync(CancellationToken.None));
        var waiting = (await hub.Storage.Queue(Triggers.Queues.Email).PeekMessagesAsync(32)).Value;
        Assert.NotEmpty(waiting);
        var outbox = new List<string>();
        await foreach (var blob in hub.Storage.Container(HubStorage.ContainerNames.Outbox).GetBlobsAsync())
        {
            outbox.Add(blob.Name);
        }
        Assert.Empty(outbox);
    }

    [Fact]
    public async Task The_admin_api_needs_the_master_key_outside_development()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Host:MasterKey"] = "master-key-for-tests" });
        using var client = hub.WithWebHostBuilder(b => Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(b, "Production")).CreateClient();

        var without = await client.PostAsJsonAsync($"/admin/functions/{Triggers.SendEmail}", new { input = "{}" });
        var wrong = new HttpRequestMessage(HttpMethod.Post, $"/admin/functions/{Triggers.SendEmail}") { Content = JsonContent.Create(new { input = "{}" }) };
        wrong.Headers.Add("x-functions-key", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task The_site_container_is_served_at_the_root_with_index_documents_and_etags()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        // A folder the site build never writes: the build a new host asks for at start would overwrite its own pages.
        await hub.Storage.Site.UploadBlobAsync("guide/index.html", BinaryData.FromString("<!doctype html><title>Guide</title>"));
        await hub.Storage.Site.GetBlobClient("guide/index.html").SetHttpHeadersAsync(new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "text/html; charset=utf-8" });

        var page = await client.GetAsync("/guide/");
        var again = new HttpRequestMessage(HttpMethod.Get, "/guide/");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        var notModified = await client.SendAsync(again);
        var missing = await client.GetAsync("/nothing-here/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Guide</title>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void Every_trigger_in_the_list_has_a_handler_in_the_hub()
    {
        var catalog = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddCoproWeek(new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build())
            .BuildServiceProviderForCatalog();

        Assert.Empty(catalog.Unbound());
    }
}

internal static class CatalogExtensions
{
    public static Hub.Runtime.FunctionCatalog BuildServiceProviderForCatalog(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        (Hub.Runtime.FunctionCatalog)services.Single(s => s.ServiceType == typeof(Hub.Runtime.FunctionCatalog)).ImplementationInstance!;
}
