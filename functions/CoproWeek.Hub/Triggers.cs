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
        public const string ModerationQueue = "moderation/queue";
        public const string ModerationItem = "moderation/items/{id}";
        public const string ModerationDecision = "moderation/items/{id}/decision";
        public const string ModerationPage = "moderate";
        public const string ModerationItemPage = "moderate/items/{id}";
        public const string Posts = "posts";
        public const string Post = "posts/{id}";
        public const string ManagePost = "posts/{id}/manage";
    }

    /// <summary>
    /// Timer schedules: six-field NCrontab expressions in UTC. A <c>%Name%</c> schedule is read from
    /// the setting of that name, as the Functions host does.
    /// </summary>
    public static class Schedules
    {
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
        new HttpTriggerDefinition(nameof(SubmitPost), Routes.Posts, ["POST"]),
        new HttpTriggerDefinition(nameof(GetPost), Routes.Post, ["GET"]),
        new HttpTriggerDefinition(nameof(EditPost), Routes.Post, ["PUT"]),
        new HttpTriggerDefinition(nameof(WithdrawPost), Routes.Post, ["DELETE"]),
        new HttpTriggerDefinition(nameof(ShowManagePostPage), Routes.ManagePost, ["GET"]),
        new HttpTriggerDefinition(nameof(PostManagePostPage), Routes.ManagePost, ["POST"]),
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
    public const string SubmitPost = nameof(SubmitPost);
    public const string GetPost = nameof(GetPost);
    public const string EditPost = nameof(EditPost);
    public const string WithdrawPost = nameof(WithdrawPost);
    public const string ShowManagePostPage = nameof(ShowManagePostPage);
    public const string PostManagePostPage = nameof(PostManagePostPage);

    public static TriggerDefinition Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No trigger is named '{name}'.");
}

public abstract record TriggerDefinition(string Name);

public sealed record HttpTriggerDefinition(string Name, string Route, IReadOnlyList<string> Methods) : TriggerDefinition(Name);

public sealed record QueueTriggerDefinition(string Name, string Queue) : TriggerDefinition(Name);

public sealed record TimerTriggerDefinition(string Name, string Schedule) : TriggerDefinition(Name);
