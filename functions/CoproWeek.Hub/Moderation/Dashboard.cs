using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// The campaign team's view of its week: <c>GET /api/moderation/stats</c> (JSON, with the moderator key) and the
/// dashboard page <c>/api/moderate/dashboard</c> (with the page session): bar charts drawn on the server as SVG,
/// each with its numbers in a table beside it, and links to the CSV downloads.
/// </summary>
public sealed class Dashboard(ModeratorPageSession moderators, CampaignStats stats, IOptions<SiteOptions> site)
{
    public Task<IResult> StatsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        moderators.AnswerAsync(request, _ => AnswerStatsAsync(request, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerStatsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var f = await stats.ReadAsync(cancellationToken);
        static object Bars(IReadOnlyList<Bar> bars) => bars.Select(b => new { id = b.Id, label = b.Label, count = b.Count });
        return TypedResults.Json(new
        {
            liveEvents = f.LiveEvents,
            eventsByDay = Bars(f.ByDay),
            eventsByRegion = Bars(f.ByRegion),
            eventsByFormat = Bars(f.ByFormat),
            eventsByTopic = Bars(f.ByTopic),
            eventsByAccessFeature = Bars(f.ByAccessFeature),
            participantsPaid = new { count = f.ParticipantsPaid, share = Math.Round(f.ShareParticipantsPaid, 4) },
            expensesCovered = new { count = f.ExpensesCovered, share = Math.Round(f.ShareExpensesCovered, 4) },
            storiesPublished = f.StoriesPublished,
            itemsWaiting = f.ItemsWaiting,
            itemsReported = f.ItemsReported,
            supporters = f.Supporters,
            accessRequests = f.AccessRequests,
            decided = f.Decided,
            medianSecondsToDecision = f.MedianToDecision?.TotalSeconds,
            decidedByAPerson = f.DecidedByAPerson,
            medianSecondsToPersonDecision = f.MedianToPersonDecision?.TotalSeconds,
        }, HubJson.Options);
    }

    public Task<IResult> ShowAsync(HttpRequest request, CancellationToken cancellationToken) => PrivateAnswer.Of(AnswerShowAsync(request, cancellationToken));

    private async Task<IResult> AnswerShowAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await moderators.FindAsync(request, cancellationToken) is not { } session)
        {
            return ModeratorPageSession.SignInFirst(site.Value.Api(Triggers.Routes.ModerationPage));
        }
        var figures = await stats.ReadAsync(cancellationToken);
        return PrivateAnswer.Html(DashboardHtml.Page(site.Value, session, figures));
    }
}
