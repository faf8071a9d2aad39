using CoproWeek.Hub.Housekeeping;
using CoproWeek.Hub.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.AccessRequests;

public static class AccessRequestsRegistration
{
    /// <summary>Private access requests from event pages to organisers, and the counts that are all the hub keeps of them.</summary>
    public static IServiceCollection AddAccessRequests(this IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog)
    {
        services.AddOptions<AccessRequestOptions>()
            .Bind(configuration.GetSection(AccessRequestOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AccessRequestCounts>();
        services.AddExpirySweep<AccessRequestCopies>();
        services.AddSingleton<SendAccessRequest>();
        services.AddExpirySweep<SensitivePoisonCopies>();
        catalog
            .Http<SendAccessRequest>(Triggers.ShowAccessRequestForm, (h, req, ct) => h.ShowFormAsync(req, RouteId(req), ct))
            .Http<SendAccessRequest>(Triggers.SendAccessRequest, (h, req, ct) => h.HandleAsync(req, RouteId(req), ct))
            .Http<SendAccessRequest>(Triggers.ShowAccessRequestSent, (h, req, ct) => h.ShowSentAsync(req, RouteId(req), ct))
            .Http<SendAccessRequest>(Triggers.ShowAccessRequestFormCy, (h, req, ct) => h.ShowFormAsync(req, RouteId(req), ct))
            .Http<SendAccessRequest>(Triggers.ShowAccessRequestSentCy, (h, req, ct) => h.ShowSentAsync(req, RouteId(req), ct));
        return services;
    }

    private static string RouteId(HttpRequest request) => request.RouteValues["id"]?.ToString() ?? "";
}
