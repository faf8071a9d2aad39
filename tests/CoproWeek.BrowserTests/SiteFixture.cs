using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoproWeek.Host;
using CoproWeek.Host.DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests;

/// <summary>
/// The real self-host on a loopback port with its own Azurite, one published event on the site, and Debian's
/// Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed partial class SiteFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private Azurite? _azurite;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string Url { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string EventPath { get; private set; } = "";

    /// <summary>The host's services, for tests that stand in for a moderator.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        var root = RepoRoot.Find() ?? throw new InvalidOperationException("Run from inside the repository.");
        _azurite = await Azurite.StartAsync(root, Azurite.FreePort(), Azurite.FreePort(), Azurite.FreePort(), null, Console.Out, CancellationToken.None);
        Url = $"http://127.0.0.1:{Azurite.FreePort()}";
        _app = HubApp.Build(HubApp.CreateBuilder(
        [
            "--urls", Url, "--environment", "Development",
            "--AzureWebJobsStorage", _azurite.ConnectionString,
            "--Site:PublicUrl", Url, "--Site:ApiUrl", Url,
            "--Logging:LogLevel:Default", "Warning",
            // The sample event's contact is taken as confirmed, and the pages are loaded many times from one address.
            "--Contacts:RequireConfirmation", "false",
            "--Limits:SubmissionsPerHour", "0", "--Limits:SignUpsPerHour", "0",
        ]));
        await _app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));
        var body = new JsonObject
        {
            ["title"] = "Co-producing mental health services in Leeds",
            ["summary"] = "An open workshop run by people who use services and the staff who run them.",
            ["description"] = "We will share what we learned.\n\nEveryone is welcome.",
            ["organiser"] = new JsonObject { ["name"] = "Example Peer Network", ["website"] = "https://example.org" },
            ["contact"] = new JsonObject { ["name"] = "Event contact", ["email"] = "contact@example.org" },
            ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["end"] = start.AddHours(2.5).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["format"] = "hybrid",
            ["venue"] = new JsonObject { ["name"] = "Central Library", ["address"] = "Calverley Street, Leeds", ["postcode"] = "LS1 3AB" },
            ["region"] = "yorkshire-and-the-humber",
            ["topics"] = new JsonArray("mental-health"),
            ["easyRead"] = "A meeting about mental health services.",
            ["coproduction"] = new JsonObject { ["livedExperienceInvolvement"] = "Planned with our peer network.", ["participantsPaid"] = true, ["expensesCovered"] = true },
            ["access"] = new JsonObject { ["stepFree"] = true, ["bsl"] = true, ["captions"] = true },
        };
        var answer = await (await http.PostAsJsonAsync("/api/events", body)).Content.ReadFromJsonAsync<JsonObject>();
        var id = answer!["id"]!.GetValue<string>();
        EventPath = $"/events/{Hub.Events.Slugs.For(body["title"]!.GetValue<string>(), id)}/";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await http.GetAsync(EventPath)).IsSuccessStatusCode || await http.GetAsync("/events/") is not { IsSuccessStatusCode: true } list
            || !(await list.Content.ReadAsStringAsync()).Contains(EventPath))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The sample event was not published.");
            }
            await Task.Delay(200);
        }

        await PublishSiteContentAsync(http, _app.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in a browser";
}
