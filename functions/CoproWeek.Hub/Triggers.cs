namespace CoproWeek.Hub;

/// <summary>
/// The one list of triggers: every HTTP route, queue and timer schedule of the hub. The self-host,
/// the Azure Functions adapter and the tests all read it; a queue name is never written anywhere else.
/// </summary>
public static class Triggers
{
    /// <summary>Queue names. Each has a <c>-poison</c> twin where messages that keep failing end up.</summary>
    public static class Queues
    {
        public const string Moderation = "moderation";
        public const string Publish = "publish";
        public const string Indexes = "indexes";
        public const string Digest = "digest";
        public const string Email = "email";

        public const string PoisonSuffix = "-poison";

        public static readonly IReadOnlyList<string> All = [Moderation, Publish, Indexes, Digest, Email];
    }

    /// <summary>HTTP routes, relative to the route prefix in host.json (<c>api</c> by default).</summary>
    public static class Routes
    {
        public const string Health = "health";
        public const string Subscriptions = "subscriptions";
        public const string SubscriptionThanks = "subscriptions/thanks";
        public const string ConfirmSubscription = "subscriptions/confirm";
        public const string SubscriptionPreferences = "subscriptions/preferences";
        public const string Unsubscribe = "subscriptions/unsubscribe";
        public const string ExportSubscription = "subscriptions/export";
        public const string EraseSubscription = "subscriptions/erase";
        public const string EmailEvents = "email-events";
    }

    /// <summary>
    /// Timer schedules: six-field NCrontab expressions in UTC. A <c>%Name%</c> schedule is read from
    /// the setting of that name, as the Functions host does.
    /// </summary>
    public static class Schedules
    {
        public const string WeeklyDigest = "%DigestWeeklySchedule%";
        public const string DailyDigest = "%DigestDailySchedule%";
    }

    public static readonly IReadOnlyList<TriggerDefinition> All =
    [
        new HttpTriggerDefinition(nameof(Health), Routes.Health, ["GET"]),
        new QueueTriggerDefinition(nameof(SendEmail), Queues.Email),
        new HttpTriggerDefinition(nameof(ShowSubscribeForm), Routes.Subscriptions, ["GET"]),
        new HttpTriggerDefinition(nameof(Subscribe), Routes.Subscriptions, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowSubscriptionThanks), Routes.SubscriptionThanks, ["GET"]),
        new HttpTriggerDefinition(nameof(ConfirmSubscription), Routes.ConfirmSubscription, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(SubscriptionPreferences), Routes.SubscriptionPreferences, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(Unsubscribe), Routes.Unsubscribe, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(ExportSubscription), Routes.ExportSubscription, ["GET"]),
        new HttpTriggerDefinition(nameof(EraseSubscription), Routes.EraseSubscription, ["POST"]),
        new HttpTriggerDefinition(nameof(ReceiveEmailEvents), Routes.EmailEvents, ["POST"]),
        new TimerTriggerDefinition(nameof(PlanWeeklyDigest), Schedules.WeeklyDigest),
        new TimerTriggerDefinition(nameof(PlanDailyDigest), Schedules.DailyDigest),
        new QueueTriggerDefinition(nameof(SendDigestBatch), Queues.Digest),
    ];

    // Function names, so that both hosts and the list above spell each one the same way.
    public const string Health = nameof(Health);
    public const string SendEmail = nameof(SendEmail);
    public const string ShowSubscribeForm = nameof(ShowSubscribeForm);
    public const string Subscribe = nameof(Subscribe);
    public const string ShowSubscriptionThanks = nameof(ShowSubscriptionThanks);
    public const string ConfirmSubscription = nameof(ConfirmSubscription);
    public const string SubscriptionPreferences = nameof(SubscriptionPreferences);
    public const string Unsubscribe = nameof(Unsubscribe);
    public const string ExportSubscription = nameof(ExportSubscription);
    public const string EraseSubscription = nameof(EraseSubscription);
    public const string ReceiveEmailEvents = nameof(ReceiveEmailEvents);
    public const string PlanWeeklyDigest = nameof(PlanWeeklyDigest);
    public const string PlanDailyDigest = nameof(PlanDailyDigest);
    public const string SendDigestBatch = nameof(SendDigestBatch);

    public static TriggerDefinition Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No trigger is named '{name}'.");
}

public abstract record TriggerDefinition(string Name);

public sealed record HttpTriggerDefinition(string Name, string Route, IReadOnlyList<string> Methods) : TriggerDefinition(Name);

public sealed record QueueTriggerDefinition(string Name, string Queue) : TriggerDefinition(Name);

public sealed record TimerTriggerDefinition(string Name, string Schedule) : TriggerDefinition(Name);
