using System.Net;
using System.Text.RegularExpressions;
using CoproWeek.Host;
using CoproWeek.Host.DevStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CoproWeek.BrowserTests.RealisticSite;

/// <summary>
/// The self-host with its own Azurite, filled as a busy week fills it: 300 published events (every region, format, access
/// need, topic and day, some paid, of realistic lengths), stories with three large pictures and stories in words only,
/// a supporter, an organiser's manage link, a reader's preferences link and a taken-down event; and Chromium to look at it.
/// Every public page type is listed in <see cref="PageTypes"/>.
/// </summary>
public sealed partial class RealisticSiteFixture : IAsyncLifetime
{
    private Azurite? _azurite;
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    public string Url { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>Every public page type, by name, with the address (from the site's root) that shows one.</summary>
    private static readonly string[] EnglishPageTypes =
    [
        "home", "events", "filter", "event", "stories", "story", "submit-event", "submit-event-with-errors", "submit-story",
        "subscribe", "preferences", "manage", "report", "search", "supporters", "pledge", "not-found", "taken-down",
    ];

    /// <summary>Every page type in English, then each one's Welsh twin (<c>cy-home</c>, <c>cy-event</c>…): the same checks hold in both languages.</summary>
    public static IReadOnlyList<string> PageTypes { get; } = [.. EnglishPageTypes, .. EnglishPageTypes.Select(t => "cy-" + t)];

    /// <summary>The English page type a Welsh one twins (<c>cy-manage</c> is <c>manage</c>).</summary>
    public static string EnglishOf(string pageType) => pageType.StartsWith("cy-", StringComparison.Ordinal) ? pageType[3..] : pageType;

    // The Welsh twin of an address: under /cy/ on the static site, under /api/cy/ for a page a function answers.
    private static string WelshOf(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) ? "/api/cy/" + path["/api/".Length..] : "/cy" + path;

    /// <summary>The address of a page type; the form with errors is the submit-event form, sent as it is.</summary>
    public string PathOf(string pageType) => _paths[pageType];

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
            "--Contacts:RequireConfirmation", "false",
            "--Limits:SubmissionsPerHour", "0", "--Limits:SignUpsPerHour", "0",
        ]));
        await _app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        await FillAsync(http);
        foreach (var (name, path) in new[]
        {
            ("home", "/"), ("events", "/events/"), ("filter", "/events/region/wales/"), ("stories", "/posts/"), ("submit-event", "/submit-event/"),
            ("submit-event-with-errors", "/submit-event/"), ("submit-story", "/submit-post/"), ("subscribe", "/subscribe/"),
            ("search", "/api/search?q=carers&format=in-person"), ("supporters", "/supporters/"), ("pledge", "/support-the-week/"), ("not-found", "/no-such-page/"),
        })
        {
            _paths[name] = path;
        }
        var eventPage = await http.GetStringAsync(_paths["organisers-event"]);
        var report = Regex.Match(eventPage, "href=\"([^\"]*reports/new[^\"]*)\"");
        _paths["report"] = report.Success ? Local(WebUtility.HtmlDecode(report.Groups[1].Value)) : throw new InvalidOperationException("The event page has no report link.");
        foreach (var pageType in EnglishPageTypes)
        {
            _paths["cy-" + pageType] = WelshOf(_paths[pageType]);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SiteFixture.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The served HTML of a page type, exactly as a browser receives it (the form with errors as the API answers an empty form).</summary>
    public async Task<string> HtmlAsync(HttpClient http, string pageType)
    {
        if (EnglishOf(pageType) != "submit-event-with-errors")
        {
            using var response = await http.GetAsync(PathOf(pageType));
            return await response.Content.ReadAsStringAsync();
        }
        var form = await http.GetStringAsync(PathOf(pageType));
        var action = WebUtility.HtmlDecode(Regex.Match(form, "<form method=\"post\" action=\"([^\"]+)\"").Groups[1].Value);
        using var sent = await http.PostAsync(Local(action), new FormUrlEncodedContent([new("title", "Kept title"), new("contact.email", "not-an-email")]));
        return await sent.Content.ReadAsStringAsync();
    }

    private string Local(string url) => url.StartsWith(Url, StringComparison.Ordinal) ? url[Url.Length..] : url;

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
public sealed class RealisticSiteCollection : ICollectionFixture<RealisticSiteFixture>
{
    public const string Name = "A busy week's site in a browser";
}
