using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The moderation page at <c>/api/moderate</c>, for people and without JavaScript: sign in with the moderator key
/// (the cookie then holds an opaque 8-hour session, never the key), read the queue, open an item and decide.
/// Forms carry the session's own form token and the version read, checked as <c>If-Match</c> is on the API.
/// </summary>
public sealed class ModerationPage(
    ModeratorAuth auth,
    ModeratorSessions sessions,
    ModerationQueue queue,
    SubmissionStore submissions,
    ModerationItems items,
    Previews previews,
    DecideSubmission decide,
    TakeDownItem takeDown,
    QueueSummary summary,
    TimeProvider time,
    IOptions<SiteOptions> site,
    ReportQueue reported)
{
    public const string Cookie = "coproweek-moderation";

    private string PageUrl => site.Value.Api("moderate");

    public Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowAsync(request, cancellationToken));

    private async Task<IResult> AnswerShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(request, cancellationToken);
        if (session is null)
        {
            return EventPages.Html(ModerationPageHtml.SignIn(site.Value, PageUrl, error: null));
        }
        var token = request.Query["continuationToken"].ToString() is { Length: > 0 } t && ModerationQueue.IsToken(t) ? t : null;
        var kind = QueueSummary.IsKind(request.Query["kind"].ToString()) ? request.Query["kind"].ToString() : null;
        var counts = summary.CountAsync(cancellationToken);
        var page = await queue.ReadAsync(ModerationQueue.DefaultPageSize, token, cancellationToken, kind)
            ?? await queue.ReadAsync(ModerationQueue.DefaultPageSize, null, cancellationToken, kind);
        // Only our own words come back from the address, so a crafted link cannot put other text on the page.
        var notice = DecideSubmission.Parse(request.Query["decided"].ToString()) is { } decided
            ? $"Your decision was saved: {DecideSubmission.Word(decided).Replace('-', ' ')}." : null;
        var reportedItems = await reported.ReadAsync(cancellationToken);
        var reports = token is null && QueueCounts.ShowsReports(kind) ? reportedItems : [];
        return EventPages.Html(ModerationPageHtml.Queue(site.Value, PageUrl, session, page!, notice, reports, new QueueFilter((await counts).WithReports(reportedItems), kind, time.GetUtcNow())));
    }

    /// <summary>Signs in (a form with <c>key</c>) or out (<c>action=sign-out</c>).</summary>
    public Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerPostAsync(request, cancellationToken));

    private async Task<IResult> AnswerPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (OriginalRequest.IsCrossSite(request, site.Value))
        {
            return CrossSite();
        }
        if (await FormAsync(request, cancellationToken) is not { } form)
        {
            return NotAForm();
        }
        if (form["action"]?.Text == "sign-out")
        {
            var session = await SessionAsync(request, cancellationToken);
            if (session is not null && ModeratorSessions.FormTokenMatches(session, form["formToken"]?.Text))
            {
                await sessions.EndAsync(request.Cookies[Cookie], cancellationToken);
                request.HttpContext.Response.Cookies.Delete(Cookie, CookieOptions(request));
            }
            return new SeeOther(PageUrl);
        }

        var (identity, wait) = await auth.CheckKeyAsync(request, form["key"]?.Text?.Trim(), cancellationToken);
        if (identity is not { } moderator)
        {
            return SignInAgain(request, wait);
        }
        var token = await sessions.StartAsync(moderator.Name, moderator.KeyId, cancellationToken);
        var options = CookieOptions(request);
        options.MaxAge = ModeratorSessions.Lifetime;
        request.HttpContext.Response.Cookies.Append(Cookie, token, options);
        return new SeeOther(PageUrl);
    }

    public Task<IResult> ShowItemAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowItemAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerShowItemAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(request, cancellationToken);
        if (session is null)
        {
            return new SeeOther(PageUrl);
        }
        var item = await submissions.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound();
        }
        if (request.Query["view"] == "preview")
        {
            return await previews.RenderAsync(item, cancellationToken) is { } preview ? EventPages.Html(preview) : Problems.NotFound();
        }
        return await ItemPageAsync(session, item, null, null, null, null, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>A decision from the item's form: <c>decision</c>, <c>reason</c>, <c>version</c> and <c>formToken</c>.</summary>
    public Task<IResult> DecideAsync(HttpRequest request, string id, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerDecideAsync(request, id, cancellationToken));

    private async Task<IResult> AnswerDecideAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (OriginalRequest.IsCrossSite(request, site.Value))
        {
            return CrossSite();
        }
        var session = await SessionAsync(request, cancellationToken);
        if (session is null)
        {
            return new SeeOther(PageUrl);
        }
        if (await FormAsync(request, cancellationToken) is not { } form)
        {
            return NotAForm();
        }
        if (!ModeratorSessions.FormTokenMatches(session, form["formToken"]?.Text))
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "This form did not come from the moderation page",
                "Go back to the moderation page, open the item again and send your decision from there.");
        }
        var item = await submissions.GetAsync(id, cancellationToken);
        if (item is null)
        {
            return Problems.NotFound();
        }
        if (form["action"]?.Text is "take-down" or "restore")
        {
            return await TakeDownOrRestoreAsync(session, item, form, cancellationToken);
        }
        var (word, reason) = (form["decision"]?.Text, form["reason"]?.Text);
        var errors = DecideSubmission.Check(word, reason);
        if (errors.Count > 0)
        {
            return await ItemPageAsync(session, item, errors, null, word, reason, StatusCodes.Status400BadRequest, cancellationToken);
        }
        var version = int.TryParse(form["version"]?.Text, out var v) ? v : -1;
        var (outcome, current) = await decide.DecideAsync(id, version, DecideSubmission.Parse(word)!.Value, reason, session.Name, cancellationToken);
        return outcome switch
        {
            DecisionOutcome.Decided => new SeeOther($"{PageUrl}?decided={Uri.EscapeDataString(DecideSubmission.Word(DecideSubmission.Parse(word)!.Value))}"),
            DecisionOutcome.NotFound => Problems.NotFound(),
            DecisionOutcome.VersionChanged => await ItemPageAsync(session, current!, null,
                "The author changed this item since you opened it. Read the new version below, then decide again.", word, reason, StatusCodes.Status412PreconditionFailed, cancellationToken),
            DecisionOutcome.NotForThisKind => await ItemPageAsync(session, current!, null, ModerationApi.NotForThisKindDetail, null, reason,
                StatusCodes.Status409Conflict, cancellationToken),
            _ => await ItemPageAsync(session, current!, null,
                "This item is no longer waiting for a decision: another moderator may have decided first.", null, null, StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    /// <summary>A take-down (with its reason) or a restore from the item's form, checked as the API checks them.</summary>
    private async Task<IResult> TakeDownOrRestoreAsync(ModeratorSession session, Submission item, InputFields form, CancellationToken cancellationToken)
    {
        var takingDown = form["action"]?.Text == "take-down";
        var reason = form["reason"]?.Text;
        if (takingDown && TakeDownItem.CheckReason(reason) is { Count: > 0 } errors)
        {
            return await ItemPageAsync(session, item, errors, null, null, reason, StatusCodes.Status400BadRequest, cancellationToken);
        }
        var version = int.TryParse(form["version"]?.Text, out var v) ? v : -1;
        var (outcome, current) = takingDown
            ? await takeDown.TakeDownAsync(item.Id, version, reason!, session.Name, cancellationToken)
            : await takeDown.RestoreAsync(item.Id, version, session.Name, cancellationToken);
        return outcome switch
        {
            TakeDownOutcome.Done => await ItemPageAsync(session, current!, null,
                takingDown ? "Taken down. It leaves the site within seconds, and the organiser or author is sent your reason."
                : current!.Status == SubmissionStatus.Held ? TakeDownItem.RestoredForReview + " It is not on the site yet: decide on it below."
                : "Put back. It is on the site again within seconds, as a new version.",
                null, null, StatusCodes.Status200OK, cancellationToken),
            TakeDownOutcome.NotFound => Problems.NotFound(),
            TakeDownOutcome.VersionChanged => await ItemPageAsync(session, current!, null,
                "This item changed since you opened it. Read it again below, then decide.", null, reason, StatusCodes.Status412PreconditionFailed, cancellationToken),
            _ => await ItemPageAsync(session, current!, null,
                takingDown ? "This item is not live, so there is nothing to take down." : "This item was not taken down, so there is nothing to put back.", null, null, StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    private async Task<IResult> ItemPageAsync(ModeratorSession session, Submission item, IReadOnlyDictionary<string, string[]>? errors, string? notice,
        string? decision, string? reason, int status, CancellationToken cancellationToken)
    {
        var view = await items.ReadAsync(item, cancellationToken);
        return EventPages.Html(ModerationPageHtml.Item(site.Value, PageUrl, session, view, errors, notice, decision, reason), status);
    }

    private IResult SignInAgain(HttpRequest request, TimeSpan? wait)
    {
        if (wait is { } blocked)
        {
            var seconds = ModeratorAuth.RetryAfterSeconds(blocked);
            request.HttpContext.Response.Headers.RetryAfter = seconds;
            return EventPages.Html(ModerationPageHtml.SignIn(site.Value, PageUrl,
                $"Wrong keys were sent from here too often. Wait {seconds} seconds, then try again."), StatusCodes.Status429TooManyRequests);
        }
        return EventPages.Html(ModerationPageHtml.SignIn(site.Value, PageUrl, "That key is not right. Paste the whole key you were given."), StatusCodes.Status401Unauthorized);
    }

    private async Task<ModeratorSession?> SessionAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.Cookies[Cookie] is { Length: > 0 } token ? await sessions.FindAsync(token, cancellationToken) : null;

    private static async Task<InputFields?> FormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, _) = await InputFields.ReadAsync(request, cancellationToken);
        return fields is { FromForm: true } ? fields : null;
    }

    /// <summary>A form sent from another site: refused before any key is checked or session touched.</summary>
    private static IResult CrossSite() =>
        Problems.Status(StatusCodes.Status403Forbidden, "This form did not come from the moderation page",
            "Open the moderation page itself and send the form from there.");

    private static IResult NotAForm() =>
        Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the form", "This page takes the form on it.");

    private CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        // Secure whenever the browser came over HTTPS, also behind a front end that ended TLS.
        Secure = OriginalRequest.IsHttps(request, site.Value),
        SameSite = SameSiteMode.Strict,
        Path = "/" + (site.Value.RoutePrefix.Length == 0 ? "" : site.Value.RoutePrefix.Trim('/') + "/") + "moderate",
        IsEssential = true,
    };
}
