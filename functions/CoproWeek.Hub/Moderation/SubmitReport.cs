using System.Text.Json;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The public's "report a problem": <c>GET /api/reports/new?item={id}</c> shows the form for any live event or story,
/// <c>POST /api/reports</c> (JSON or the form) records the report for the moderators. Limited per client; the
/// reporter is never emailed and their words and address are shown only to moderators, never logged.
/// </summary>
public sealed class SubmitReport(
    ReportStore reports,
    SubmissionStore submissions,
    SiteIndex index,
    ClientLimits limits,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<SubmitReport> logger)
{
    public const int LongestDetails = 2000;

    public Task<IResult> ShowFormAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowFormAsync(request, cancellationToken));

    private async Task<IResult> AnswerShowFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var id = request.Query["item"].ToString();
        var language = Languages.Of(request);
        if (await LiveItemAsync(id, cancellationToken) is not { } item)
        {
            return PrivateAnswer.Html(ReportPageHtml.NotLive(site.Value, language), StatusCodes.Status404NotFound);
        }
        return PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, null, null, language));
    }

    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerHandleAsync(request, cancellationToken));

    private async Task<IResult> AnswerHandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limited = await limits.CountAsync(request, LimitedAction.Report);
        var (fields, problem) = await InputFields.ReadAsync(request, 16 * 1024, cancellationToken);
        if (fields is null)
        {
            return limited ?? problem!;
        }
        var language = Languages.Of(request);
        string Words(string key) => Rendering.Localised.Get<ReportText>(key, language);
        var reader = new FieldReader(fields, language);
        var itemId = reader.Text("item", Words("LabelItem"), 40, required: true);
        var reason = reader.Choice("reason", Words("LabelReason"), ReportReasons.All, required: false);
        var details = reader.Text("details", Words("LabelDetails"), LongestDetails, multiline: true);
        var email = reader.Email("email", Words("LabelEmail"));
        reader.RejectUnknown();
        if (reason is null && !reader.Errors.ContainsKey("reason"))
        {
            reader.Fail("reason", Words("ErrorReason"));
        }
        if (itemId is not null && !SubmissionStore.IsId(itemId))
        {
            reader.Fail("item", Words("ErrorNotOurs"));
        }
        var item = SubmissionStore.IsId(itemId) ? await LiveItemAsync(itemId, cancellationToken) : null;
        if (limited is not null)
        {
            return fields.FromForm && item is not null
                ? PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, EventFormValues.From(fields.Form), new Dictionary<string, string[]>
                {
                    ["limit"] = [Words("ErrorLimit")],
                }, language), StatusCodes.Status429TooManyRequests)
                : limited;
        }
        if (item is null && SubmissionStore.IsId(itemId))
        {
            return fields.FromForm
                ? PrivateAnswer.Html(ReportPageHtml.NotLive(site.Value, language), StatusCodes.Status404NotFound)
                : Problems.Status(StatusCodes.Status404NotFound, "No live event or story has this id",
                    "Only events and stories on the site can be reported. It may have been taken down already.");
        }
        if (!reader.IsValid)
        {
            return fields.FromForm && item is not null
                ? PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, EventFormValues.From(fields.Form), reader.Errors, language), StatusCodes.Status400BadRequest)
                : Problems.Validation(reader.Errors, language);
        }

        var report = await reports.AddAsync(item!.Id, item.Kind, reason!, details, email, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Report {ReportId} received about {ItemId}", report.Id, item.Id);
        return fields.FromForm
            ? PrivateAnswer.Html(ReportPageHtml.Thanks(site.Value, item, language))
            : Results.Json(new { id = report.Id, item = item.Id, message = Words("AcceptedMessage") }, HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>An event or story that is on the site now, with its title and public address; null for anything else.</summary>
    public async Task<LiveItem?> LiveItemAsync(string? id, CancellationToken cancellationToken)
    {
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id!, cancellationToken) is not { } submission
            || await index.GetAsync(submission.Kind, submission.Id, cancellationToken) is not { Withdrawn: false, PublicJson: { } json } entry)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var welshTitle = root.TryGetProperty("welsh", out var welsh) && welsh.ValueKind == JsonValueKind.Object ? Text(welsh, "title") : null;
        return new LiveItem(entry.Id, entry.Kind, Text(root, "title") ?? "", entry.Slug, entry.Version)
        {
            ListingLanguage = Hub.ListingLanguage.Of(Text(root, "language")),
            WelshTitle = welshTitle,
        };
    }

    internal static string TitleOf(string publicJson)
    {
        using var document = JsonDocument.Parse(publicJson);
        return Text(document.RootElement, "title") ?? "";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An item on the site now: what a report is about.</summary>
public sealed record LiveItem(string Id, string Kind, string Title, string Slug, int Version)
{
    /// <summary>The language the item was written in (<see cref="Hub.ListingLanguage"/>): <see cref="Title"/> is in it, or in English when bilingual.</summary>
    public string ListingLanguage { get; init; } = Hub.ListingLanguage.English;

    /// <summary>A bilingual item's Welsh title.</summary>
    public string? WelshTitle { get; init; }

    /// <summary>The title a reader of <paramref name="reader"/> sees, and the language it is in.</summary>
    public (string Title, Language Language) TitleFor(Language reader) => ListingLanguage switch
    {
        Hub.ListingLanguage.Welsh => (Title, Language.Welsh),
        Hub.ListingLanguage.Bilingual when reader == Language.Welsh && WelshTitle is { Length: > 0 } welsh => (welsh, Language.Welsh),
        _ => (Title, Language.English),
    };
}
