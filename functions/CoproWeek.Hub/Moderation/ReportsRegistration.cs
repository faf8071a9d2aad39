using CoproWeek.Hub.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoproWeek.Hub.Moderation;

public static class ReportsRegistration
{
    /// <summary>The public's reports and what moderators do with them, the campaign dashboard and stats, and the CSV exports.</summary>
    public static IServiceCollection AddReportsAndDashboard(this IServiceCollection services, FunctionCatalog catalog)
    {
        services.TryAddSingleton<Publishing.SiteIndex>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportQueue>();
        services.AddSingleton<IItemTakenDown, ReportsClosedOnTakeDown>();
        services.AddSingleton<SubmitReport>();
        services.AddSingleton<ModeratorPageSession>();
        services.AddSingleton<ReportsModeration>();
        services.AddSingleton<CampaignStats>();
        services.AddSingleton<Dashboard>();
        services.AddSingleton<CsvExport>();

        catalog
            .Http<SubmitReport>(Triggers.ShowReportForm, (h, req, ct) => h.ShowFormAsync(req, ct))
            .Http<SubmitReport>(Triggers.ShowReportFormCy, (h, req, ct) => h.ShowFormAsync(req, ct))
            .Http<SubmitReport>(Triggers.SubmitReport, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<ReportsModeration>(Triggers.GetItemReports, (h, req, ct) => h.ListAsync(req, Route(req, "id"), ct))
            .Http<ReportsModeration>(Triggers.DismissReports, (h, req, ct) => h.DismissAsync(req, Route(req, "id"), ct))
            .Http<ReportsModeration>(Triggers.ShowItemReportsPage, (h, req, ct) => h.ShowPageAsync(req, Route(req, "id"), ct))
            .Http<ReportsModeration>(Triggers.PostItemReportsPage, (h, req, ct) => h.PostPageAsync(req, Route(req, "id"), ct))
            .Http<Dashboard>(Triggers.GetModerationStats, (h, req, ct) => h.StatsAsync(req, ct))
            .Http<Dashboard>(Triggers.ShowDashboard, (h, req, ct) => h.ShowAsync(req, ct))
            .Http<CsvExport>(Triggers.ExportModerationCsv, (h, req, ct) => h.ApiAsync(req, Route(req, "file"), ct))
            .Http<CsvExport>(Triggers.ExportModerationCsvPage, (h, req, ct) => h.PageAsync(req, Route(req, "file"), ct));
        return services;
    }

    private static string Route(HttpRequest request, string name) => request.RouteValues[name]?.ToString() ?? "";
}
