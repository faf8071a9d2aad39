using System.Text.Json;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Limits;
using CoproWeek.Hub.Publishing;
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
        if (await LiveItemAsync(id, cancellationToken) is not { } item)
        {
            return PrivateAnswer.Html(ReportPageHtml.NotLive(site.Value), StatusCodes.Status404NotFound);
        }
        return PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, null, null));
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
        var reader = new FieldReader(fields);
        var itemId = reader.Text("item", "the event or story", 40, required: true);
        var reason = reader.Choice("reason", "what is wrong", ReportReasons.All, required: true);
        var details = reader.Text("details", "more details", LongestDetails, multiline: true);
        var email = reader.Email("email", "your email address");
        reader.RejectUnknown();
        if (itemId is not null && !SubmissionStore.IsId(itemId))
        {
            reader.Fail("item", "Report an event or story from its own page: this is not one of ours.");
        }
        var item = SubmissionStore.IsId(itemId) ? await LiveItemAsync(itemId, cancellationToken) : null;
        if (limited is not null)
        {
            return fields.FromForm && item is not null
                ? PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, fields, new Dictionary<string, string[]>
                {
                    ["limit"] = ["A lot of reports have been sent from this connection in the last hour. Keep this page open and send it again in an hour."],
                }), StatusCodes.Status429TooManyRequests)
                : limited;
        }
        if (item is null && SubmissionStore.IsId(itemId))
        {
            return fields.FromForm
                ? PrivateAnswer.Html(ReportPageHtml.NotLive(site.Value), StatusCodes.Status404NotFound)
                : Problems.Status(StatusCodes.Status404NotFound, "No live event or story has this id",
                    "Only events and stories on the site can be reported. It may have been taken down already.");
        }
        if (!reader.IsValid)
        {
            return fields.FromForm && item is not null
                ? PrivateAnswer.Html(ReportPageHtml.Form(site.Value, item, fields, reader.Errors), StatusCodes.Status400BadRequest)
                : Problems.Validation(reader.Errors);
        }

        var report = await reports.AddAsync(item!.Id, item.Kind, reason!, details, email, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Report {ReportId} received about {ItemId}", report.Id, item.Id);
        return fields.FromForm
            ? PrivateAnswer.Html(ReportPageHtml.Thanks(site.Value, item))
            : Results.Json(new { id = report.Id, item = item.Id, message = "Thank you. The campaign team will look at it." }, HubJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>An event or story that is on the site now, with its title and public address; null for anything else.</summary>
    public async Task<LiveItem?> LiveItemAsync(string? id, CancellationToken cancellationToken)
    {
        if (!SubmissionStore.IsId(id) || await submissions.GetAsync(id!, cancellationToken) is not { } submission
            || await index.GetAsync(submission.Kind, submission.Id, cancellationToken) is not { Withdrawn: false, PublicJson: { } json } entry)
        {
            return null;
        }
        return new LiveItem(entry.Id, entry.Kind, TitleOf(json), entry.Slug, entry.Version);
    }

    internal static string TitleOf(string publicJson)
    {
        using var document = JsonDocument.Parse(publicJson);
        return document.RootElement.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() ?? "" : "";
    }
}

/// <summary>An item on the site now: what a report is about.</summary>
public sealed record LiveItem(string Id, string Kind, string Title, string Slug, int Version);
