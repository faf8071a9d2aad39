using CoproWeek.Hub;
using CoproWeek.Hub.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class SubscriptionFunctions(
    Subscribe subscribe,
    ConfirmSubscription confirm,
    SubscriptionPreferences preferences,
    Unsubscribe unsubscribe,
    SubscriberData data,
    ReceiveEmailEvents emailEvents)
{
    [Function(nameof(Triggers.ShowSubscribeForm))]
    public Task<IResult> ShowSubscribeForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.Subscriptions)] HttpRequest request) =>
        subscribe.ShowFormAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.Subscribe))]
    public Task<IResult> Subscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.Subscriptions)] HttpRequest request) =>
        subscribe.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowSubscriptionThanks))]
    public Task<IResult> ShowSubscriptionThanks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.SubscriptionThanks)] HttpRequest request) =>
        subscribe.ShowThanksAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ConfirmSubscription))]
    public Task<IResult> ConfirmSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.ConfirmSubscription)] HttpRequest request) =>
        confirm.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.SubscriptionPreferences))]
    public Task<IResult> SubscriptionPreferences(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.SubscriptionPreferences)] HttpRequest request) =>
        preferences.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.Unsubscribe))]
    public Task<IResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.Unsubscribe)] HttpRequest request) =>
        unsubscribe.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ExportSubscription))]
    public Task<IResult> ExportSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.ExportSubscription)] HttpRequest request) =>
        data.ExportAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.EraseSubscription))]
    public Task<IResult> EraseSubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.EraseSubscription)] HttpRequest request) =>
        data.EraseAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ReceiveEmailEvents))]
    public Task<IResult> ReceiveEmailEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Triggers.Routes.EmailEvents)] HttpRequest request) =>
        emailEvents.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowSubscribeFormCy))]
    public Task<IResult> ShowSubscribeFormCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.SubscriptionsCy)] HttpRequest request) =>
        subscribe.ShowFormAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ShowSubscriptionThanksCy))]
    public Task<IResult> ShowSubscriptionThanksCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Triggers.Routes.SubscriptionThanksCy)] HttpRequest request) =>
        subscribe.ShowThanksAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.ConfirmSubscriptionCy))]
    public Task<IResult> ConfirmSubscriptionCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.ConfirmSubscriptionCy)] HttpRequest request) =>
        confirm.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.SubscriptionPreferencesCy))]
    public Task<IResult> SubscriptionPreferencesCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.SubscriptionPreferencesCy)] HttpRequest request) =>
        preferences.HandleAsync(request, request.HttpContext.RequestAborted);

    [Function(nameof(Triggers.UnsubscribeCy))]
    public Task<IResult> UnsubscribeCy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Triggers.Routes.UnsubscribeCy)] HttpRequest request) =>
        unsubscribe.HandleAsync(request, request.HttpContext.RequestAborted);
}
