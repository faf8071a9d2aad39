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
        public const string Events = "events";
        public const string Event = "events/{id}";
        public const string ManageEvent = "events/{id}/manage";
        public const string ManageEventCy = "cy/" + ManageEvent;
        public const string ModerationQueue = "moderation/queue";
        public const string ModerationItem = "moderation/items/{id}";
        public const string ModerationDecision = "moderation/items/{id}/decision";
        public const string ModerationPage = "moderate";
        public const string ModerationItemPage = "moderate/items/{id}";
        public const string ModerationTakeDown = "moderation/items/{id}/takedown";
        public const string ModerationRestore = "moderation/items/{id}/restore";
        public const string ModerationPicture = "moderate/items/{id}/pictures/{number}";
        public const string Posts = "posts";
        public const string Post = "posts/{id}";
        public const string ManagePost = "posts/{id}/manage";
        public const string ManagePostCy = "cy/" + ManagePost;
        public const string Subscriptions = "subscriptions";
        public const string SubscriptionsCy = "cy/" + Subscriptions;
        public const string SubscriptionThanks = "subscriptions/thanks";
        public const string SubscriptionThanksCy = "cy/" + SubscriptionThanks;
        public const string ConfirmSubscription = "subscriptions/confirm";
        public const string ConfirmSubscriptionCy = "cy/" + ConfirmSubscription;
        public const string SubscriptionPreferences = "subscriptions/preferences";
        public const string SubscriptionPreferencesCy = "cy/" + SubscriptionPreferences;
        public const string Unsubscribe = "subscriptions/unsubscribe";
        public const string UnsubscribeCy = "cy/" + Unsubscribe;
        public const string ExportSubscription = "subscriptions/export";
        public const string EraseSubscription = "subscriptions/erase";
        public const string EmailEvents = "email-events";
        public const string ConfirmContact = "contacts/confirm";
        public const string ConfirmContactCy = "cy/" + ConfirmContact;
        public const string Supporters = "supporters";
        public const string Supporter = "supporters/{id}";
        public const string ManageSupporter = "supporters/{id}/manage";
        public const string ManageSupporterCy = "cy/" + ManageSupporter;
        public const string AccessRequests = "events/{id}/access-requests";
        public const string AccessRequestsCy = "cy/" + AccessRequests;
        public const string AccessRequestSent = "events/{id}/access-requests/sent";
        public const string AccessRequestSentCy = "cy/" + AccessRequestSent;
        public const string Reports = "reports";
        public const string NewReport = "reports/new";
        public const string NewReportCy = "cy/" + NewReport;
        public const string ModerationItemReports = "moderation/items/{id}/reports";
        public const string DismissReports = "moderation/items/{id}/reports/dismiss";
        public const string ModerationItemReportsPage = "moderate/items/{id}/reports";
        public const string ModerationStats = "moderation/stats";
        public const string DashboardPage = "moderate/dashboard";
        public const string ModerationExport = "moderation/export/{file}";
        public const string ModerationExportPage = "moderate/export/{file}";
        public const string Search = "search";
        /// <summary>The search page in Welsh: the English route under <c>cy/</c>.</summary>
        public const string WelshSearch = "cy/" + Search;
    }

    /// <summary>
    /// Timer schedules: six-field NCrontab expressions in UTC. A <c>%Name%</c> schedule is read from
    /// the setting of that name, as the Functions host does.
    /// </summary>
    public static class Schedules
    {
        public const string WeeklyDigest = "%DigestWeeklySchedule%";
        public const string DailyDigest = "%DigestDailySchedule%";

        /// <summary>The clean-up of expired rows: daily at 03:30 UTC by default.</summary>
        public const string CleanUp = "%CleanupSchedule%";
    }

    public static readonly IReadOnlyList<TriggerDefinition> All =
    [
        new HttpTriggerDefinition(nameof(Health), Routes.Health, ["GET"]),
        new QueueTriggerDefinition(nameof(SendEmail), Queues.Email),
        new HttpTriggerDefinition(nameof(SubmitEvent), Routes.Events, ["POST"]),
        new HttpTriggerDefinition(nameof(GetEvent), Routes.Event, ["GET"]),
        new HttpTriggerDefinition(nameof(EditEvent), Routes.Event, ["PUT"]),
        new HttpTriggerDefinition(nameof(WithdrawEvent), Routes.Event, ["DELETE"]),
        new HttpTriggerDefinition(nameof(ShowManageEventPage), Routes.ManageEvent, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManageEventPage), Routes.ManageEvent, ["POST"]),
        new QueueTriggerDefinition(nameof(ModerateSubmission), Queues.Moderation),
        new QueueTriggerDefinition(nameof(PublishItem), Queues.Publish),
        new QueueTriggerDefinition(nameof(RebuildIndexes), Queues.Indexes),
        new HttpTriggerDefinition(nameof(GetModerationQueue), Routes.ModerationQueue, ["GET"]),
        new HttpTriggerDefinition(nameof(GetModerationItem), Routes.ModerationItem, ["GET"]),
        new HttpTriggerDefinition(nameof(DecideModerationItem), Routes.ModerationDecision, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowModerationPage), Routes.ModerationPage, ["GET"]),
        new HttpTriggerDefinition(nameof(PostModerationPage), Routes.ModerationPage, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowModerationItemPage), Routes.ModerationItemPage, ["GET"]),
        new HttpTriggerDefinition(nameof(PostModerationItemPage), Routes.ModerationItemPage, ["POST"]),
        new HttpTriggerDefinition(nameof(TakeDownModerationItem), Routes.ModerationTakeDown, ["POST"]),
        new HttpTriggerDefinition(nameof(RestoreModerationItem), Routes.ModerationRestore, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowModerationPicture), Routes.ModerationPicture, ["GET"]),
        new HttpTriggerDefinition(nameof(SubmitPost), Routes.Posts, ["POST"]),
        new HttpTriggerDefinition(nameof(GetPost), Routes.Post, ["GET"]),
        new HttpTriggerDefinition(nameof(EditPost), Routes.Post, ["PUT"]),
        new HttpTriggerDefinition(nameof(WithdrawPost), Routes.Post, ["DELETE"]),
        new HttpTriggerDefinition(nameof(ShowManagePostPage), Routes.ManagePost, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManagePostPage), Routes.ManagePost, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowSubscribeForm), Routes.Subscriptions, ["GET"]),
        new HttpTriggerDefinition(nameof(Subscribe), Routes.Subscriptions, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowSubscriptionThanks), Routes.SubscriptionThanks, ["GET"]),
        new HttpTriggerDefinition(nameof(ConfirmSubscription), Routes.ConfirmSubscription, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(SubscriptionPreferences), Routes.SubscriptionPreferences, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(Unsubscribe), Routes.Unsubscribe, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(ExportSubscription), Routes.ExportSubscription, ["GET"]),
        new HttpTriggerDefinition(nameof(EraseSubscription), Routes.EraseSubscription, ["POST"]),
        new HttpTriggerDefinition(nameof(ReceiveEmailEvents), Routes.EmailEvents, ["POST"]),
        new HttpTriggerDefinition(nameof(ConfirmContact), Routes.ConfirmContact, ["GET", "POST"]),
        new TimerTriggerDefinition(nameof(PlanWeeklyDigest), Schedules.WeeklyDigest),
        new TimerTriggerDefinition(nameof(PlanDailyDigest), Schedules.DailyDigest),
        new QueueTriggerDefinition(nameof(SendDigestBatch), Queues.Digest),
        new TimerTriggerDefinition(nameof(CleanUpExpired), Schedules.CleanUp),
        new HttpTriggerDefinition(nameof(SubmitSupporter), Routes.Supporters, ["POST"]),
        new HttpTriggerDefinition(nameof(GetSupporter), Routes.Supporter, ["GET"]),
        new HttpTriggerDefinition(nameof(WithdrawSupporter), Routes.Supporter, ["DELETE"]),
        new HttpTriggerDefinition(nameof(ShowManageSupporterPage), Routes.ManageSupporter, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManageSupporterPage), Routes.ManageSupporter, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowAccessRequestForm), Routes.AccessRequests, ["GET"]),
        new HttpTriggerDefinition(nameof(SendAccessRequest), Routes.AccessRequests, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowAccessRequestSent), Routes.AccessRequestSent, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowReportForm), Routes.NewReport, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowSubscribeFormCy), Routes.SubscriptionsCy, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowSubscriptionThanksCy), Routes.SubscriptionThanksCy, ["GET"]),
        new HttpTriggerDefinition(nameof(ConfirmSubscriptionCy), Routes.ConfirmSubscriptionCy, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(SubscriptionPreferencesCy), Routes.SubscriptionPreferencesCy, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(UnsubscribeCy), Routes.UnsubscribeCy, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(ShowAccessRequestFormCy), Routes.AccessRequestsCy, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowAccessRequestSentCy), Routes.AccessRequestSentCy, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowReportFormCy), Routes.NewReportCy, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowManageEventPageCy), Routes.ManageEventCy, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManageEventPageCy), Routes.ManageEventCy, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowManagePostPageCy), Routes.ManagePostCy, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManagePostPageCy), Routes.ManagePostCy, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowManageSupporterPageCy), Routes.ManageSupporterCy, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManageSupporterPageCy), Routes.ManageSupporterCy, ["POST"]),
        new HttpTriggerDefinition(nameof(ConfirmContactCy), Routes.ConfirmContactCy, ["GET", "POST"]),
        new HttpTriggerDefinition(nameof(SubmitReport), Routes.Reports, ["POST"]),
        new HttpTriggerDefinition(nameof(GetItemReports), Routes.ModerationItemReports, ["GET"]),
        new HttpTriggerDefinition(nameof(DismissReports), Routes.DismissReports, ["POST"]),
        new HttpTriggerDefinition(nameof(ShowItemReportsPage), Routes.ModerationItemReportsPage, ["GET"]),
        new HttpTriggerDefinition(nameof(PostItemReportsPage), Routes.ModerationItemReportsPage, ["POST"]),
        new HttpTriggerDefinition(nameof(GetModerationStats), Routes.ModerationStats, ["GET"]),
        new HttpTriggerDefinition(nameof(ShowDashboard), Routes.DashboardPage, ["GET"]),
        new HttpTriggerDefinition(nameof(ExportModerationCsv), Routes.ModerationExport, ["GET"]),
        new HttpTriggerDefinition(nameof(ExportModerationCsvPage), Routes.ModerationExportPage, ["GET"]),
        new HttpTriggerDefinition(nameof(Search), Routes.Search, ["GET"]),
        new HttpTriggerDefinition(nameof(WelshSearch), Routes.WelshSearch, ["GET"]),
    ];

    // Function names, so that both hosts and the list above spell each one the same way.
    public const string Health = nameof(Health);
    public const string SendEmail = nameof(SendEmail);
    public const string SubmitEvent = nameof(SubmitEvent);
    public const string GetEvent = nameof(GetEvent);
    public const string EditEvent = nameof(EditEvent);
    public const string WithdrawEvent = nameof(WithdrawEvent);
    public const string ShowManageEventPage = nameof(ShowManageEventPage);
    public const string PostManageEventPage = nameof(PostManageEventPage);
    public const string ModerateSubmission = nameof(ModerateSubmission);
    public const string PublishItem = nameof(PublishItem);
    public const string RebuildIndexes = nameof(RebuildIndexes);
    public const string GetModerationQueue = nameof(GetModerationQueue);
    public const string GetModerationItem = nameof(GetModerationItem);
    public const string DecideModerationItem = nameof(DecideModerationItem);
    public const string ShowModerationPage = nameof(ShowModerationPage);
    public const string PostModerationPage = nameof(PostModerationPage);
    public const string ShowModerationItemPage = nameof(ShowModerationItemPage);
    public const string PostModerationItemPage = nameof(PostModerationItemPage);
    public const string TakeDownModerationItem = nameof(TakeDownModerationItem);
    public const string RestoreModerationItem = nameof(RestoreModerationItem);
    public const string ShowModerationPicture = nameof(ShowModerationPicture);
    public const string SubmitPost = nameof(SubmitPost);
    public const string GetPost = nameof(GetPost);
    public const string EditPost = nameof(EditPost);
    public const string WithdrawPost = nameof(WithdrawPost);
    public const string ShowManagePostPage = nameof(ShowManagePostPage);
    public const string PostManagePostPage = nameof(PostManagePostPage);
    public const string ShowSubscribeForm = nameof(ShowSubscribeForm);
    public const string Subscribe = nameof(Subscribe);
    public const string ShowSubscriptionThanks = nameof(ShowSubscriptionThanks);
    public const string ConfirmSubscription = nameof(ConfirmSubscription);
    public const string SubscriptionPreferences = nameof(SubscriptionPreferences);
    public const string Unsubscribe = nameof(Unsubscribe);
    public const string ExportSubscription = nameof(ExportSubscription);
    public const string EraseSubscription = nameof(EraseSubscription);
    public const string ReceiveEmailEvents = nameof(ReceiveEmailEvents);
    public const string ConfirmContact = nameof(ConfirmContact);
    public const string Search = nameof(Search);
    public const string WelshSearch = nameof(WelshSearch);
    public const string PlanWeeklyDigest = nameof(PlanWeeklyDigest);
    public const string PlanDailyDigest = nameof(PlanDailyDigest);
    public const string SendDigestBatch = nameof(SendDigestBatch);
    public const string CleanUpExpired = nameof(CleanUpExpired);
    public const string SubmitSupporter = nameof(SubmitSupporter);
    public const string GetSupporter = nameof(GetSupporter);
    public const string WithdrawSupporter = nameof(WithdrawSupporter);
    public const string ShowManageSupporterPage = nameof(ShowManageSupporterPage);
    public const string PostManageSupporterPage = nameof(PostManageSupporterPage);
    public const string ShowAccessRequestForm = nameof(ShowAccessRequestForm);
    public const string SendAccessRequest = nameof(SendAccessRequest);
    public const string ShowAccessRequestSent = nameof(ShowAccessRequestSent);
    public const string ShowReportForm = nameof(ShowReportForm);
    public const string SubmitReport = nameof(SubmitReport);
    public const string GetItemReports = nameof(GetItemReports);
    public const string DismissReports = nameof(DismissReports);
    public const string ShowItemReportsPage = nameof(ShowItemReportsPage);
    public const string PostItemReportsPage = nameof(PostItemReportsPage);
    public const string ShowSubscribeFormCy = nameof(ShowSubscribeFormCy);
    public const string ShowSubscriptionThanksCy = nameof(ShowSubscriptionThanksCy);
    public const string ConfirmSubscriptionCy = nameof(ConfirmSubscriptionCy);
    public const string SubscriptionPreferencesCy = nameof(SubscriptionPreferencesCy);
    public const string UnsubscribeCy = nameof(UnsubscribeCy);
    public const string ShowAccessRequestFormCy = nameof(ShowAccessRequestFormCy);
    public const string ShowAccessRequestSentCy = nameof(ShowAccessRequestSentCy);
    public const string ShowReportFormCy = nameof(ShowReportFormCy);
    public const string ShowManageEventPageCy = nameof(ShowManageEventPageCy);
    public const string PostManageEventPageCy = nameof(PostManageEventPageCy);
    public const string ShowManagePostPageCy = nameof(ShowManagePostPageCy);
    public const string PostManagePostPageCy = nameof(PostManagePostPageCy);
    public const string ShowManageSupporterPageCy = nameof(ShowManageSupporterPageCy);
    public const string PostManageSupporterPageCy = nameof(PostManageSupporterPageCy);
    public const string ConfirmContactCy = nameof(ConfirmContactCy);
    public const string GetModerationStats = nameof(GetModerationStats);
    public const string ShowDashboard = nameof(ShowDashboard);
    public const string ExportModerationCsv = nameof(ExportModerationCsv);
    public const string ExportModerationCsvPage = nameof(ExportModerationCsvPage);

    public static TriggerDefinition Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No trigger is named '{name}'.");
}

public abstract record TriggerDefinition(string Name);

public sealed record HttpTriggerDefinition(string Name, string Route, IReadOnlyList<string> Methods) : TriggerDefinition(Name);

public sealed record QueueTriggerDefinition(string Name, string Queue) : TriggerDefinition(Name);

public sealed record TimerTriggerDefinition(string Name, string Schedule) : TriggerDefinition(Name);
