using CoproWeek.Hub.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Supporters;

public static class SupportersRegistration
{
    /// <summary>Supporters end to end: the pledge, its manage link, moderation preview and publishing (the supporters page).</summary>
    public static IServiceCollection AddSupporters(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.AddSingleton<SupporterBlobs>();
        services.AddSingleton<PublishedSupporters>();
        services.AddSingleton<Moderation.IPreviewRenderer, SupporterPreview>();
        services.AddSingleton<SubmitSupporter>();
        services.AddSingleton<ManageSupporter>();
        services.AddSingleton<ManageSupporterPage>();
        services.AddSingleton<PublishSupporter>();

        catalog
            .Http<SubmitSupporter>(Triggers.SubmitSupporter, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<ManageSupporter>(Triggers.GetSupporter, (h, req, ct) => h.GetAsync(req, RouteId(req), ct))
            .Http<ManageSupporter>(Triggers.WithdrawSupporter, (h, req, ct) => h.WithdrawAsync(req, RouteId(req), ct))
            .Http<ManageSupporterPage>(Triggers.ShowManageSupporterPage, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManageSupporterPage>(Triggers.PostManageSupporterPage, (h, req, ct) => h.PostAsync(req, RouteId(req), ct))
            .Http<ManageSupporterPage>(Triggers.ShowManageSupporterPageCy, (h, req, ct) => h.ShowAsync(req, RouteId(req), ct))
            .Http<ManageSupporterPage>(Triggers.PostManageSupporterPageCy, (h, req, ct) => h.PostAsync(req, RouteId(req), ct));
        return services;
    }

    private static string RouteId(HttpRequest request) => request.RouteValues["id"]?.ToString() ?? "";
}
