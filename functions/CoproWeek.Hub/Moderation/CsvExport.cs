using System.Globalization;
using Azure.Data.Tables;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// <c>GET /api/moderation/export/events.csv</c> and <c>stories.csv</c> (moderator key), and the same under
/// <c>/api/moderate/export/</c> for the dashboard's links (page session): every live item with its public fields and
/// its contact's details. RFC 4180 from CsvHelper, UTF-8 with a byte order mark so Excel reads it right, and cells that
/// a spreadsheet would run as a formula (starting <c>= + - @</c>, tab or CR) escaped with a leading apostrophe.
/// Written as the site index is read, a page of rows at a time: the file is never whole in memory. Each export is
/// recorded in the ModerationLog (partition <c>exports</c>) with the moderator's name; the log line has no name.
/// </summary>
public sealed class CsvExport(
    ModeratorPageSession moderators,
    HubStorage storage,
    SubmissionStore submissions,
    ModerationLog log,
    IOptions<SiteOptions> site,
    TimeProvider time,
    ILogger<CsvExport> logger)
{
    public const string LogPartition = "exports";
    public const string Events = "events.csv";
    public const string Stories = "stories.csv";
    public const string Supporters = "supporters.csv";

    /// <summary>Rows read from the site index at a time; their contacts are read in parallel.</summary>
    private const int PageSize = 100;

    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public Task<IResult> ApiAsync(HttpRequest request, string file, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerApiAsync(request, file, cancellationToken));

    private async Task<IResult> AnswerApiAsync(HttpRequest request, string file, CancellationToken cancellationToken)
    {
        var (moderator, problem) = await moderators.AuthenticateAsync(request, cancellationToken);
        return moderator is null ? problem! : await StartAsync(moderator, file, cancellationToken);
    }

    public Task<IResult> PageAsync(HttpRequest request, string file, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerPageAsync(request, file, cancellationToken));

    private async Task<IResult> AnswerPageAsync(HttpRequest request, string file, CancellationToken cancellationToken) =>
        await moderators.FindAsync(request, cancellationToken) is { } session
            ? await StartAsync(session.Name, file, cancellationToken)
            : ModeratorPageSession.SignInFirst(site.Value.Api(Triggers.Routes.ModerationPage));

    private async Task<IResult> StartAsync(string moderator, string file, CancellationToken cancellationToken)
    {
        Func<Stream, CancellationToken, Task<int>>? write = file switch
        {
            Events => WriteEventsAsync,
            Stories => WriteStoriesAsync,
            Supporters => WriteSupportersAsync,
            _ => null,
        };
        if (write is null)
        {
            return Problems.NotFound();
        }
        var now = time.GetUtcNow();
        await log.AppendOccurrenceAsync(new LogEntry(LogPartition, 0, moderator, now, "export-" + Path.GetFileNameWithoutExtension(file), null),
            now.UtcTicks.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return new CsvDownload(file, async (body, ct) =>
        {
            var rows = await write(body, ct);
            logger.LogInformation("Export of {File} sent with {Rows} rows", file, rows);
        });
    }

    /// <summary>Every live event, with its organiser's contact, as CSV to <paramref name="body"/>; the number of rows.</summary>
    public async Task<int> WriteEventsAsync(Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(
        [
            "Id", "Title", "Page", "Summary", "Description", "Organiser", "Organiser website", "Starts", "Ends", "Format", "Region", "Topics",
            "Cost", "Booking link", "Venue", "Venue address", "Postcode", "Access features", "Access notes", "Pays participants",
            "Covers expenses", "How people with lived experience are involved", "Easy read", "Published", "Contact name", "Contact email",
        ], cancellationToken);
        var rows = 0;
        await foreach (var page in LiveAsync("event", cancellationToken))
        {
            var contacts = await Task.WhenAll(page.Select(entry => ContactOfEventAsync(entry.Id, cancellationToken)));
            for (var i = 0; i < page.Count; i++)
            {
                var (id, slug, json, publishedAt) = page[i];
                var e = HubJson.Deserialize<EventDetails>(json);
                await csv.WriteRecordAsync(
                [
                    id, e.Title, site.Value.Url(SitePaths.EventPage(slug)), e.Summary, e.Description, e.Organiser.Name, e.Organiser.Website,
                    UkTime.Iso(e.Start), UkTime.Iso(e.End), EventWords.Format(e), EventWords.Region(e),
                    string.Join("; ", e.Topics.Select(t => Vocabulary.NameOf(Vocabulary.Topics, t))), EventWords.Cost(e), e.BookingUrl,
                    e.Venue?.Name, e.Venue?.Address, e.Venue?.Postcode,
                    string.Join("; ", e.Access.Needs().Select(n => Vocabulary.NameOf(Vocabulary.AccessNeeds, n))), e.Access.Notes,
                    YesNo(e.Coproduction.ParticipantsPaid), YesNo(e.Coproduction.ExpensesCovered), e.Coproduction.LivedExperienceInvolvement, e.EasyRead,
                    UkTime.Iso(publishedAt), contacts[i]?.Name, contacts[i]?.Email,
                ], cancellationToken);
                rows++;
            }
            await csv.FlushAsync(cancellationToken);
        }
        return rows;
    }

    /// <summary>Every live story, with its author's email address, as CSV to <paramref name="body"/>; the number of rows.</summary>
    public async Task<int> WriteStoriesAsync(Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(["Id", "Title", "Page", "Kind", "By", "Organisation", "First published at", "Tags", "Summary", "Pictures", "Published", "Author email"], cancellationToken);
        var rows = 0;
        await foreach (var page in LiveAsync("post", cancellationToken))
        {
            var emails = await Task.WhenAll(page.Select(entry => AuthorEmailAsync(entry.Id, cancellationToken)));
            for (var i = 0; i < page.Count; i++)
            {
                var (id, slug, json, publishedAt) = page[i];
                var p = HubJson.Deserialize<PublicPost>(json);
                await csv.WriteRecordAsync(
                [
                    id, p.Title, site.Value.Url(PostPaths.Page(slug)), StoryKinds.NameOf(p.Kind), string.Join("; ", Bylines.Of(p).Select(Bylines.Text)),
                    p.Organisation, p.OriginalUrl, string.Join("; ", p.Tags), p.Summary,
                    p.Images.Count.ToString(CultureInfo.InvariantCulture), UkTime.Iso(publishedAt), emails[i],
                ], cancellationToken);
                rows++;
            }
            await csv.FlushAsync(cancellationToken);
        }
        return rows;
    }

    /// <summary>Every supporter on the supporters page, with its contact's email address, as CSV to <paramref name="body"/>; the number of rows.</summary>
    public async Task<int> WriteSupportersAsync(Stream body, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(["Id", "Organisation", "Website", "Statement", "Logo", "Listed since", "Contact email"], cancellationToken);
        var rows = 0;
        await foreach (var page in LiveAsync(Hub.Supporters.SubmitSupporter.Kind, cancellationToken))
        {
            var emails = await Task.WhenAll(page.Select(entry => AuthorEmailAsync(entry.Id, cancellationToken)));
            for (var i = 0; i < page.Count; i++)
            {
                var (id, _, json, publishedAt) = page[i];
                var s = HubJson.Deserialize<Hub.Supporters.PublicSupporter>(json);
                await csv.WriteRecordAsync([id, s.Name, s.Website, s.Statement, s.Logo?.Url, UkTime.Iso(publishedAt), emails[i]], cancellationToken);
                rows++;
            }
            await csv.FlushAsync(cancellationToken);
        }
        return rows;
    }

    private async IAsyncEnumerable<List<(string Id, string Slug, string Json, DateTimeOffset PublishedAt)>> LiveAsync(string kind,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind} and Withdrawn eq {false}");
        var query = storage.Table(HubStorage.TableNames.SiteIndex)
            .QueryAsync<TableEntity>(filter, maxPerPage: PageSize, select: ["RowKey", "Slug", "PublicJson", "PublishedAt"], cancellationToken: cancellationToken);
        await foreach (var page in query.AsPages(pageSizeHint: PageSize))
        {
            yield return page.Values
                .Where(r => r.GetString("PublicJson") is not null)
                .Select(r => (r.RowKey, r.GetString("Slug") ?? "", r.GetString("PublicJson"), r.GetDateTimeOffset("PublishedAt") ?? default))
                .ToList();
        }
    }

    private async Task<Contact?> ContactOfEventAsync(string id, CancellationToken cancellationToken) =>
        await submissions.GetAsync(id, cancellationToken) is { } s ? HubJson.Deserialize<EventDetails>(s.DetailsJson).Contact : null;

    private async Task<string?> AuthorEmailAsync(string id, CancellationToken cancellationToken) =>
        (await submissions.GetAsync(id, cancellationToken))?.ContactEmail;

    private static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>A CSV file written straight to the response as it is made.</summary>
    private sealed class CsvDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await write(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
