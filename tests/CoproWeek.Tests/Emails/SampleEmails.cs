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

/// <summary>One of every email a person gets from the hub, built from the same models the handlers use; shared with the browser tests' renderings.</summary>
public static class SampleEmails
{
    public static readonly DateTimeOffset Now = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public const string ManageUrl = "https://hub.coproweek.example/api/events/0f3c9a/manage?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_abcdefghij";
    public const string PageUrl = "https://coproweek.example/events/co-producing-mental-health-services-in-leeds/";

    public static readonly SiteOptions Site = new() { PublicUrl = "https://coproweek.example", ApiUrl = "https://hub.coproweek.example" };

    public static EventDetails Event => new()
    {
        Title = "Co-producing mental health services in Leeds",
        Summary = "An open workshop run by people who use services and the staff who run them.",
        Organiser = new Organiser { Name = "Example Peer Network" },
        Contact = new Contact { Name = "Sam", Email = "sam@example.org" },
        Start = new DateTimeOffset(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1)),
        End = new DateTimeOffset(2027, 7, 5, 12, 30, 0, TimeSpan.FromHours(1)),
        Format = "hybrid",
        Venue = new Venue { Name = "Central Library", Address = "Calverley Street, Leeds", Postcode = "LS1 3AB" },
        Region = "yorkshire-and-the-humber",
        Topics = ["mental-health"],
        Access = new Access { StepFree = true, Bsl = true },
    };

    public static PostDetails Post => new()
    {
        Title = "What we learned from a year of co-production",
        AuthorName = "Ayesha",
        AuthorEmail = "ayesha@example.org",
        Organisation = "Leeds Carers Forum",
    };

    public const string PostBody = "## Lessons\n\nWe started early and **shared power** from the first meeting. Nobody was paid less for their time.\n\n- Start early\n- Share power\n\nThe rest of the story follows here with more detail.";

    public static Submission Submission(string kind, string detailsJson, string contact) => new()
    {
        Id = "0f3c9a", Kind = kind, Slug = "sample", DetailsJson = detailsJson, ManageTokenHash = "x", ContactEmail = contact, Version = 2,
        Submitted = Now, Updated = Now, Findings = [new Finding("duplicate", "It looks like an event already on the calendar.")],
    };

    public static Submission EventSubmission => Submission("event", HubJson.Serialize(Event), Event.Contact.Email);

    public static Submission PostSubmission => Submission("post", HubJson.Serialize(Post), Post.AuthorEmail);

    public const string SupportersUrl = "https://coproweek.example/supporters/";
    public const string SupporterManageUrl = "https://hub.coproweek.example/api/supporters/0f3c9a/manage?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_abcdefghij";

    public static SupporterDetails Supporter => new()
    {
        Title = "Leeds Carers Forum",
        Website = "https://www.leedscarersforum-and-partners-in-co-production.example.org/about-us/",
        Statement = "We co-produce everything we do with the carers we work for.",
        ContactEmail = "hello@leedscarers.example.org",
        Consent = true,
    };

    public static Submission SupporterSubmission => Submission(SubmitSupporter.Kind, HubJson.Serialize(Supporter), Supporter.ContactEmail);

    /// <summary>A live item a moderator has taken down, with their reason.</summary>
    public static Submission TakenDown(Submission submission, string reason) => submission with { Status = SubmissionStatus.TakenDown, Reason = reason, Version = 3 };

    /// <summary>An access request as a person sends it from an event's page: a long address, and their own words.</summary>
    public static AccessRequest AccessRequest => new(
        ["bsl", "stepFree", AccessRequestInput.Other],
        "A carer's free place, and the agenda in large print a week before so I can read it through first.",
        "Jo Bloggs-Fotheringham",
        "email",
        "jo.bloggs-fotheringham.longaddress@carers-and-supporters-network.example.org.uk",
        null);

    /// <summary>Every email type, by name.</summary>
    public static async Task<IReadOnlyDictionary<string, EmailMessage>> AllAsync() => new Dictionary<string, EmailMessage>
    {
        ["event-receipt"] = await EventEmails.ReceiptAsync("0f3c9a", Event, ManageUrl, Now),
        ["event-live"] = await EventEmails.LiveAsync(EventSubmission, Event, PageUrl, ManageUrl, Now),
        ["event-held"] = await EventEmails.HeldAsync(EventSubmission, Event, Now),
        ["event-rejected"] = await EventEmails.RejectedAsync(EventSubmission, Event, "The date is in the past.", Now),
        ["post-receipt"] = await PostEmails.ReceiptAsync("0f3c9a", 1, Post, PostBody, ManageUrl, Now),
        ["post-held"] = await PostEmails.HeldAsync(PostSubmission, Post, Now),
        ["post-live"] = await PostEmails.LiveAsync(PostSubmission, Post, PageUrl, ManageUrl, Now),
        ["post-rejected"] = await DecisionEmails.RejectedAsync(PostSubmission, "It is an advert for a product.", Now),
        ["post-changes"] = await DecisionEmails.ChangesRequestedAsync(PostSubmission, "Please remove the surname of the person in the second picture.", Now),
        ["contact-confirm"] = await ContactEmails.ConfirmationAsync(Site, "sam@example.org", new string('a', 64), "c.token~secret", Now),
        ["supporter-receipt"] = await SupporterEmails.ReceiptAsync("0f3c9a", 1, Supporter, SupporterManageUrl, Now),
        ["supporter-held"] = await SupporterEmails.HeldAsync(SupporterSubmission, Supporter, Now),
        ["supporter-live"] = await SupporterEmails.LiveAsync(SupporterSubmission, Supporter, SupportersUrl, SupporterManageUrl, Now),
        ["event-taken-down"] = await TakeDownItem.EmailAsync(TakenDown(EventSubmission, "This listing is advertising, not a co-production event."), Now),
        ["post-taken-down"] = await TakeDownItem.EmailAsync(TakenDown(PostSubmission, "A person in a picture did not agree to be in it."), Now),
        ["supporter-taken-down"] = await TakeDownItem.EmailAsync(TakenDown(SupporterSubmission, "This organisation did not agree to be listed."), Now),
        ["subscription-confirm"] = await ConfirmationEmail.CreateAsync(Site, "sam@example.org", "s.confirm~secret", "s.prefs~secret", Now),
        ["access-organiser"] = await AccessRequestEmails.ToOrganiserAsync("a1b2c3", Event, Event.Contact.Email, AccessRequest, Now),
        ["access-copy"] = await AccessRequestEmails.CopyToPersonAsync("a1b2c3", Event, AccessRequest.Email!, PageUrl, AccessRequest, Now),
        ["access-notice"] = await AccessRequestEmails.NoticeToPersonAsync("a1b2c3", Event, AccessRequest.Email!, PageUrl, Now),
    };
}
