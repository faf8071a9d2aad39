using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Hub.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Subscriptions, digests and the record of what was published, with their triggers bound in <paramref name="catalog"/>.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration, FunctionCatalog catalog)
    {
        services.AddOptions<SubscriptionOptions>()
            .Bind(configuration.GetSection(SubscriptionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DigestOptions>()
            .Bind(configuration.GetSection(DigestOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<PublishedItems>();
        services.AddSingleton<AddressHasher>();
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<Subscribe>();
        services.AddSingleton<ConfirmSubscription>();
        services.AddSingleton<SubscriptionPreferences>();
        services.AddSingleton<Unsubscribe>();
        services.AddSingleton<SubscriberData>();
        services.AddSingleton<EmailEventLedger>();
        services.AddSingleton<ReceiveEmailEvents>();
        services.AddSingleton<DigestRuns>();
        services.AddSingleton<DigestDelivery>();
        services.AddSingleton<PlanDigest>();
        services.AddSingleton<SendDigestBatch>();

        catalog
            .Http<Subscribe>(Triggers.ShowSubscribeForm, (h, req, ct) => h.ShowFormAsync(req, ct))
            .Http<Subscribe>(Triggers.Subscribe, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<Subscribe>(Triggers.ShowSubscriptionThanks, (h, req, ct) => h.ShowThanksAsync(req, ct))
            .Http<ConfirmSubscription>(Triggers.ConfirmSubscription, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<SubscriptionPreferences>(Triggers.SubscriptionPreferences, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<Unsubscribe>(Triggers.Unsubscribe, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<Subscribe>(Triggers.ShowSubscribeFormCy, (h, req, ct) => h.ShowFormAsync(req, ct))
            .Http<Subscribe>(Triggers.ShowSubscriptionThanksCy, (h, req, ct) => h.ShowThanksAsync(req, ct))
            .Http<ConfirmSubscription>(Triggers.ConfirmSubscriptionCy, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<SubscriptionPreferences>(Triggers.SubscriptionPreferencesCy, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<Unsubscribe>(Triggers.UnsubscribeCy, (h, req, ct) => h.HandleAsync(req, ct))
            .Http<SubscriberData>(Triggers.ExportSubscription, (h, req, ct) => h.ExportAsync(req, ct))
            .Http<SubscriberData>(Triggers.EraseSubscription, (h, req, ct) => h.EraseAsync(req, ct))
            .Http<ReceiveEmailEvents>(Triggers.ReceiveEmailEvents, (h, req, ct) => h.HandleAsync(req, ct))
            .Timer<PlanDigest>(Triggers.PlanWeeklyDigest, (h, tick, ct) => h.PlanWeeklyAsync(tick, ct))
            .Timer<PlanDigest>(Triggers.PlanDailyDigest, (h, tick, ct) => h.PlanDailyAsync(tick, ct))
            .Queue<SendDigestBatch, DigestBatchMessage>(Triggers.SendDigestBatch, (h, msg, ct) => h.HandleAsync(msg, ct));
        return services;
    }
}
