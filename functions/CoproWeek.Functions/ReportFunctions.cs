using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class ReportFunctions(SubmitReport reports, ReportsModeration moderation, Dashboard dashboard, CsvExport export)
{
    [Function(nameof(Triggers.ShowReportForm))]
    public Task<IResult> ShowReportForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.NewReport)] HttpRequest request) =>
        reports.ShowFormAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowReportFormCy))]
    public Task<IResult> ShowReportFormCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.NewReportCy)] HttpRequest request) =>
        reports.ShowFormAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.SubmitReport))]
    public Task<IResult> SubmitReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.Reports)] HttpRequest request) =>
        reports.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetItemReports))]
    public Task<IResult> GetItemReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationItemReports)] HttpRequest request, string id) =>
        moderation.ListAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.DismissReports))]
    public Task<IResult> DismissReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.DismissReports)] HttpRequest request, string id) =>
        moderation.DismissAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowItemReportsPage))]
    public Task<IResult> ShowItemReportsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationItemReportsPage)] HttpRequest request, string id) =>
        moderation.ShowPageAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.PostItemReportsPage))]
    public Task<IResult> PostItemReportsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.ModerationItemReportsPage)] HttpRequest request, string id) =>
        moderation.PostPageAsync(request, id, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.GetModerationStats))]
    public Task<IResult> GetModerationStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationStats)] HttpRequest request) =>
        dashboard.StatsAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowDashboard))]
    public Task<IResult> ShowDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.DashboardPage)] HttpRequest request) =>
        dashboard.ShowAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ExportModerationCsv))]
    public Task<IResult> ExportModerationCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationExport)] HttpRequest request, string file) =>
        export.ApiAsync(request, file, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ExportModerationCsvPage))]
    public Task<IResult> ExportModerationCsvPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ModerationExportPage)] HttpRequest request, string file) =>
        export.PageAsync(request, file, request.HttpContext.RequestAborted);
}
