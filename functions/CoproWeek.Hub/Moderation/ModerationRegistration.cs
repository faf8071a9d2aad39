using CoproWeek.Hub.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoproWeek.Hub.Moderation;

public static class ModerationRegistration
{
    /// <summary>Moderators, their keys and sessions, the moderation API and the moderation page.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.TryAddSingleton<Submissions.SubmissionStore>();
        services.TryAddSingleton<ModerationLog>();
        services.TryAddSingleton<ReviewQueue>();
        services.TryAddSingleton<DecisionFollowUp>();
        services.AddSingleton<Moderators>();
        services.AddSingleton<ModeratorSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ModeratorAuth>();
        services.AddSingleton<ModerationQueue>();
        services.AddSingleton<DecideSubmission>();
        services.AddSingleton<IPreviewRenderer, EventPreview>();
        services.AddSingleton<Previews>();
        services.AddSingleton<ModerationApi>();
        services.AddSingleton<ModerationPage>();
        services.AddSingleton<TakeDownItem>();
        services.TryAddSingleton<TakeDownNotice>();
        services.TryAddSingleton<ItemFields>();
        services.AddSingleton<ModerationItems>();
        services.AddSingleton<QueueSummary>();
        services.AddSingleton<ModerationActions>();

        catalog
            .Http<ModerationApi>(Triggers.GetModerationQueue, (h, req, ct) => h.QueueAsync(req, ct))
            .Http<ModerationApi>(Triggers.GetModerationItem, (h, req, ct) => h.ItemAsync(req, RouteId(req), ct))
            .Http<ModerationApi>(Triggers.DecideModerationItem, (h, req, ct) => h.DecideAsync(req, RouteId(req), ct))
            .Http<ModerationPage>(Triggers.ShowModerationPage, (h, req, ct) => h.ShowAsync(req, ct))
            .Http<ModerationPage>(Triggers.PostModerationPage, (h, req, ct) => h.PostAsync(req, ct))
            .Http<ModerationPage>(Triggers.ShowModerationItemPage, (h, req, ct) => h.ShowItemAsync(req, RouteId(req), ct))
            .Http<ModerationPage>(Triggers.PostModerationItemPage, (h, req, ct) => h.DecideAsync(req, RouteId(req), ct))
            .Http<ModerationActions>(Triggers.TakeDownModerationItem, (h, req, ct) => h.TakeDownAsync(req, RouteId(req), ct))
            .Http<ModerationActions>(Triggers.RestoreModerationItem, (h, req, ct) => h.RestoreAsync(req, RouteId(req), ct))
            .Http<ModerationActions>(Triggers.ShowModerationPicture, (h, req, ct) => h.PictureAsync(req, RouteId(req), req.RouteValues["number"]?.ToString() ?? "", ct));
        return services;
    }

    private static string RouteId(HttpRequest request) => request.RouteValues["id"]?.ToString() ?? "";
}
