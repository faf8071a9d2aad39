using CoproWeek.Hub;
using CoproWeek.Hub.AccessRequests;
using CoproWeek.Hub.Contacts;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Hub.Supporters;

namespace CoproWeek.Tests.Emails;

/// <summary>Every email a Welsh reader gets, built as the handlers build them: items sent from Welsh forms, in Welsh or both languages.</summary>
public static class WelshSampleEmails
{
    private static readonly DateTimeOffset Now = SampleEmails.Now;

    public static EventDetails Event => SampleEmails.Event with
    {
        Language = ListingLanguage.Bilingual,
        Welsh = new WelshEventText
        {
            Title = "Cyd-gynhyrchu gwasanaethau iechyd meddwl yn Leeds",
            Summary = "Gweithdy agored gan bobl sy'n defnyddio gwasanaethau a'r staff sy'n eu rhedeg.",
        },
    };

    public static PostDetails Post => SampleEmails.Post with
    {
        Language = ListingLanguage.Welsh,
        Title = "Beth ddysgon ni o flwyddyn o gyd-gynhyrchu",
    };

    public const string PostBody = "## Gwersi\n\nDechreuon ni'n gynnar a **rhannu grym** o'r cyfarfod cyntaf.";

    public static SupporterDetails Supporter => SampleEmails.Supporter with
    {
        Title = "Fforwm Gofalwyr Leeds",
        // An address is not words to translate, but the check reads the page's text: a Welsh organisation's own address.
        Website = "https://www.fforwm-gofalwyr.example.org/amdanom-ni/",
        Statement = "Rydyn ni'n cyd-gynhyrchu popeth gyda'r gofalwyr.",
    };

    private static Submission Welsh(Submission submission) => submission with { ReplyLanguage = Language.Welsh };

    public static Submission EventSubmission => Welsh(SampleEmails.Submission("event", HubJson.Serialize(Event), Event.Contact.Email));

    public static Submission PostSubmission => Welsh(SampleEmails.Submission("post", HubJson.Serialize(Post), Post.AuthorEmail));

    public static Submission SupporterSubmission => Welsh(SampleEmails.Submission(SubmitSupporter.Kind, HubJson.Serialize(Supporter), Supporter.ContactEmail));

    public static AccessRequest AccessRequest => SampleEmails.AccessRequest with { OtherNeeds = "Lle am ddim i ofalwr." };

    public const string WelshManageUrl = "https://hub.coproweek.example/api/cy/events/0f3c9a/manage?token=abc";
    public const string WelshPageUrl = "https://coproweek.example/cy/events/co-producing-mental-health-services-in-leeds/";

    /// <summary>Every email type, by name, for a Welsh reader.</summary>
    public static async Task<IReadOnlyDictionary<string, EmailMessage>> AllAsync() => new Dictionary<string, EmailMessage>
    {
        ["event-receipt"] = await EventEmails.ReceiptAsync("0f3c9a", Event, WelshManageUrl, Now, language: Language.Welsh),
        ["event-live"] = await EventEmails.LiveAsync(EventSubmission, Event, WelshPageUrl, WelshManageUrl, Now),
        ["event-held"] = await EventEmails.HeldAsync(EventSubmission, Event, Now),
        ["event-rejected"] = await EventEmails.RejectedAsync(EventSubmission, Event, "Mae'r dyddiad wedi bod.", Now),
        ["post-receipt"] = await PostEmails.ReceiptAsync("0f3c9a", 1, Post, PostBody, WelshManageUrl, Now, Language.Welsh),
        ["post-held"] = await PostEmails.HeldAsync(PostSubmission, Post, Now),
        ["post-live"] = await PostEmails.LiveAsync(PostSubmission, Post, WelshPageUrl, WelshManageUrl, Now),
        ["post-rejected"] = await DecisionEmails.RejectedAsync(PostSubmission, "Hysbyseb am gynnyrch yw hon.", Now),
        ["post-changes"] = await DecisionEmails.ChangesRequestedAsync(PostSubmission, "Tynnwch gyfenw'r person yn yr ail lun.", Now),
        ["contact-confirm"] = await ContactEmails.ConfirmationAsync(SampleEmails.Site, "sam@example.org", new string('a', 64), "c.token~secret", Now, Language.Welsh),
        ["supporter-receipt"] = await SupporterEmails.ReceiptAsync("0f3c9a", 1, Supporter, WelshManageUrl, Now, Language.Welsh),
        ["supporter-held"] = await SupporterEmails.HeldAsync(SupporterSubmission, Supporter, Now),
        ["supporter-live"] = await SupporterEmails.LiveAsync(SupporterSubmission, Supporter, WelshPageUrl, WelshManageUrl, Now),
        ["event-taken-down"] = await TakeDownItem.EmailAsync(SampleEmails.TakenDown(EventSubmission, "Hysbyseb yw hon, nid digwyddiad cyd-gynhyrchu."), Now),
        ["post-taken-down"] = await TakeDownItem.EmailAsync(SampleEmails.TakenDown(PostSubmission, "Doedd person mewn llun ddim wedi cytuno."), Now),
        ["supporter-taken-down"] = await TakeDownItem.EmailAsync(SampleEmails.TakenDown(SupporterSubmission, "Doedd y sefydliad ddim wedi cytuno."), Now),
        ["subscription-confirm"] = await ConfirmationEmail.CreateAsync(SampleEmails.Site, "sam@example.org", "s.confirm~secret", "s.prefs~secret", Now, [Language.Welsh]),
        ["access-organiser"] = await AccessRequestEmails.ToOrganiserAsync("a1b2c3", Event, Event.Contact.Email, AccessRequest, Now, Language.Welsh),
        ["access-copy"] = await AccessRequestEmails.CopyToPersonAsync("a1b2c3", Event, AccessRequest.Email!, WelshPageUrl, AccessRequest, Now, Language.Welsh),
        ["access-notice"] = await AccessRequestEmails.NoticeToPersonAsync("a1b2c3", Event, AccessRequest.Email!, WelshPageUrl, Now, Language.Welsh),
    };
}
