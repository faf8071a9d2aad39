using CoproWeek.Hub.Http;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Submissions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Events;

public static class EventsRegistration
{
    /// <summary>Events end to end: submission, the organiser's manage link, automatic moderation and publishing.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<Idempotency>();
        services.AddSingleton<ModerationLog>();
        services.AddSingleton<DuplicateIndex>();
        services.AddSingleton<ReviewQueue>();
        services.AddSingleton<SiteIndex>();
        services.AddSingleton<SiteWriter>();
        services.AddSingleton<EventPages>();
        services.AddSingleton<PublishedItems>();
        services.AddSingleton<IndexRebuilds>();
        services.AddSingleton<SiteBuild>();
        services.AddSingleton<SubmitEvent>();
        services.AddSingleton<ManageEvent>();
        services.AddSingleton<ManageEventPage>();
        services.AddSingleton<ModerateSubmission>();
        services.AddSingleton<PublishItem>();
        services.AddSingleton<RebuildIndexes>();
        services.AddSingleton<ItemPagesRebuild>();

        catalog
            .Http<SubmitEvent>(Triggers.SubmitEvent, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<ManageEvent>(Triggers.GetEvent, (h, req, ct) => h.GetAsync(req, RouteId(req), ct))
            .Http<ManageEvent>(Triggers.EditEvent, (h, req, ct) => h.EditAsync(req, RouteId(req), ct))
            .Http<ManageEvent>(Triggers.WithdrawEvent, (h, req, ct) => h.WithdrawAsync(req, RouteId(req), ct))
            .Http<ManageEventPage>(Triggers.ShowManageEventPage, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManageEventPage>(Triggers.PostManageEventPage, (h, req, ct) => h.PostAsync(req, RouteId(req), ct))
            .Http<ManageEventPage>(Triggers.ShowManageEventPageCy, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManageEventPage>(Triggers.PostManageEventPageCy, (h, req, ct) => h.PostAsync(req, RouteId(req), ct))
            .Queue<ModerateSubmission, SubmissionMessage>(Triggers.ModerateSubmission, (h, msg, ct) => h.HandleAsync(msg, ct))
            .Queue<PublishItem, PublishMessage>(Triggers.PublishItem, (h, msg, ct) => h.HandleAsync(msg, ct))
            .Queue<RebuildIndexes, RebuildMessage>(Triggers.RebuildIndexes, (h, msg, ct) => h.HandleAsync(msg, ct));
        return services;
    }

    private static string RouteId(HttpRequest request) => request.RouteValues["id"]?.ToString() ?? "";
}
