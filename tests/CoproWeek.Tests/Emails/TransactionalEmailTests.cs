using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CoproWeek.Hub.AccessRequests;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Supporters;

namespace CoproWeek.Tests.Emails;

/// <summary>What each email to an organiser, author or subscriber must say, in its HTML and in its plain text.</summary>
public sealed class TransactionalEmailTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_email_has_both_forms_the_branded_frame_and_no_plain_text_that_mentions_a_button()
    {
        foreach (var (name, email) in await SampleEmails.AllAsync())
        {
            var html = Parser.ParseDocument(email.Html);
            Assert.False(string.IsNullOrWhiteSpace(email.Text), name);
            Assert.Equal("en-GB", html.DocumentElement.GetAttribute("lang"));
            Assert.Equal(email.Subject, html.Title);
            Assert.Contains("Co-production Week", html.QuerySelector("[role=banner]")!.TextContent);
            Assert.Equal(1, html.QuerySelectorAll("h1").Length);
            Assert.All(html.QuerySelectorAll("table"), t => Assert.Equal("presentation", t.GetAttribute("role")));
            Assert.DoesNotContain("button", email.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal); // no markup or encoding in the text part
            Assert.DoesNotContain("&amp;", email.Text, StringComparison.Ordinal);
            // No raw address is printed in the HTML, where a long one would push a phone's screen sideways.
            Assert.DoesNotMatch(new Regex(@">[^<]*https?://"), email.Html);
        }
    }

    [Fact]
    public async Task An_event_receipt_repeats_what_was_sent_says_the_checks_come_next_and_gives_the_manage_link_by_its_label()
    {
        var email = (await SampleEmails.AllAsync())["event-receipt"];
        var html = Parser.ParseDocument(email.Html);
        var manage = html.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == SampleEmails.ManageUrl);

        Assert.Equal("We have your event: Co-producing mental health services in Leeds", email.Subject);
        foreach (var part in new[] { email.Text, html.Body!.TextContent })
        {
            Assert.Contains("Co-producing mental health services in Leeds", part);
            Assert.Contains("Monday 5 July 2027, 10am to 12:30pm", part);
            Assert.Contains("Central Library, Calverley Street, Leeds, LS1 3AB, and online", part);
            Assert.Contains("Our automatic checks look at every event as soon as it is sent.", part);
            Assert.DoesNotContain("A person from our team reads every event", part);
        }
        Assert.Equal(EventEmails.ManageLabel(), manage.TextContent);
        Assert.Contains("background:#00703c", manage.ParentElement!.GetAttribute("style")); // shown as a button
        Assert.Contains(EventEmails.ManageLabel() + ":\n" + SampleEmails.ManageUrl + "\n", email.Text);
    }

    [Fact]
    public async Task When_every_event_needs_a_person_the_receipt_says_so_instead()
    {
        var email = await EventEmails.ReceiptAsync("0f3c9a", SampleEmails.Event, SampleEmails.ManageUrl, SampleEmails.Now, eventsNeedAPerson: true);

        Assert.Contains("A person from our team reads every event before it goes on the calendar.", email.Text);
        Assert.DoesNotContain("automatic", email.Text + email.Html);
    }

    [Fact]
    public async Task A_story_receipt_repeats_the_title_and_first_lines_as_plain_words_and_says_a_person_reads_it()
    {
        var email = (await SampleEmails.AllAsync())["post-receipt"];

        Assert.Contains("What we learned from a year of co-production", email.Text);
        Assert.Contains("By: Ayesha", email.Text);
        Assert.Contains("Organisation: Leeds Carers Forum", email.Text);
        Assert.Contains("We started early and shared power from the first meeting.", email.Text);
        Assert.DoesNotContain("**", email.Text);
        Assert.DoesNotContain("Lessons", email.Text);
        Assert.Contains("A person from our team reads every story", email.Text);
        Assert.Contains(PostEmails.ManageLabel() + ":\n" + SampleEmails.ManageUrl, email.Text);
    }

    [Theory]
    [InlineData("event-live")]
    [InlineData("post-live")]
    public async Task A_live_email_links_the_public_page_and_the_manage_link(string name)
    {
        var email = (await SampleEmails.AllAsync())[name];
        var links = Parser.ParseDocument(email.Html).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains(SampleEmails.PageUrl, links);
        Assert.Contains(SampleEmails.ManageUrl, links);
        Assert.Contains(SampleEmails.PageUrl, email.Text);
        Assert.Contains(SampleEmails.ManageUrl, email.Text);
    }

    [Fact]
    public async Task A_live_email_without_the_private_link_says_where_to_find_it()
    {
        var email = await EventEmails.LiveAsync(SampleEmails.EventSubmission, SampleEmails.Event, SampleEmails.PageUrl, null, SampleEmails.Now);

        Assert.Contains("use the private link in the first email we sent you", email.Text);
        Assert.DoesNotContain("manage?token", email.Html);
    }

    [Theory]
    [InlineData("event-rejected", "The date is in the past.")]
    [InlineData("post-rejected", "It is an advert for a product.")]
    [InlineData("post-changes", "Please remove the surname of the person in the second picture.")]
    public async Task Rejections_and_requests_for_changes_give_the_reason_and_what_the_person_can_do(string name, string reason)
    {
        var email = (await SampleEmails.AllAsync())[name];
        var html = Parser.ParseDocument(email.Html).Body!.TextContent;

        Assert.Contains(reason, email.Text);
        Assert.Contains(reason, html);
        Assert.Contains("What you can do", email.Text);
        Assert.Contains("What you can do", html);
    }

    [Fact]
    public async Task What_people_wrote_is_encoded_in_the_html_and_left_as_written_in_the_text()
    {
        var details = SampleEmails.Event with { Title = "Tom & Jerry's <b>big</b> day" };
        var email = await EventEmails.ReceiptAsync("x", details, SampleEmails.ManageUrl, SampleEmails.Now);

        Assert.Contains("Tom &amp; Jerry&#x27;s &lt;b&gt;big&lt;/b&gt; day", email.Html);
        Assert.DoesNotContain("<b>big</b>", email.Html);
        Assert.Contains("Tom & Jerry's <b>big</b> day", email.Text.Replace("\n", " "));
    }

    [Theory]
    [InlineData("event-taken-down", "event", "This listing is advertising, not a co-production event.", "calendar")]
    [InlineData("post-taken-down", "story", "A person in a picture did not agree to be in it.", "blog")]
    [InlineData("supporter-taken-down", "pledge of support", "This organisation did not agree to be listed.", "supporters page")]
    public async Task A_take_down_email_quotes_the_moderators_reason_and_says_what_the_person_can_do(string name, string thing, string reason, string where)
    {
        var email = (await SampleEmails.AllAsync())[name];
        var html = Parser.ParseDocument(email.Html);
        var submission = name.Split('-')[0] switch { "event" => SampleEmails.EventSubmission, "post" => SampleEmails.PostSubmission, _ => SampleEmails.SupporterSubmission };

        Assert.Equal($"{submission.Kind}-0f3c9a-v3-taken-down", email.Id); // the idempotency key, as before the move to letters
        Assert.Equal($"{submission.Kind}-taken-down", email.Category);
        Assert.StartsWith($"The campaign team took down your {thing}: ", email.Subject);
        Assert.Equal(submission.ContactEmail, email.To);
        foreach (var part in new[] { email.Text, html.Body!.TextContent })
        {
            Assert.Contains("What the campaign team said", part);
            Assert.Contains(reason, part);
            Assert.Contains("you did not withdraw it", part);
            Assert.Contains(where, part);
            Assert.Contains("What you can do", part);
            Assert.Contains("reply to this email", part);
        }
        // The reason is set apart as a quote, under its own heading.
        Assert.Contains(html.QuerySelectorAll("h2"), h => h.TextContent == "What the campaign team said" && h.NextElementSibling?.TextContent == reason);
    }

    [Fact]
    public async Task A_supporter_receipt_repeats_the_pledge_says_a_person_reads_it_and_gives_the_manage_link_by_its_label()
    {
        var email = (await SampleEmails.AllAsync())["supporter-receipt"];
        var html = Parser.ParseDocument(email.Html);
        var manage = html.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == SampleEmails.SupporterManageUrl);

        Assert.Equal("supporter-0f3c9a-v1-received", email.Id);
        Assert.Equal("supporter-receipt", email.Category);
        Assert.Equal("We have your pledge of support: Leeds Carers Forum", email.Subject);
        Assert.Equal(SampleEmails.Supporter.ContactEmail, email.To);
        foreach (var part in new[] { email.Text, html.Body!.TextContent })
        {
            Assert.Contains("What you sent", part);
            Assert.Contains("Leeds Carers Forum", part);
            Assert.Contains("Website: www.leedscarersforum-and-partners-in-co-production.example.org/about-us", part);
            Assert.Contains("We co-produce everything we do with the carers we work for.", part);
            Assert.Contains("A person from our team reads every pledge before it goes on the supporters page.", part);
            Assert.DoesNotContain("automatic", part);
        }
        Assert.Equal(SupporterEmails.ManageLabel(), manage.TextContent);
        Assert.Contains("background:#00703c", manage.ParentElement!.GetAttribute("style")); // shown as a button
        Assert.Contains(SupporterEmails.ManageLabel() + ":\n" + SampleEmails.SupporterManageUrl + "\n", email.Text);
    }

    [Fact]
    public async Task A_supporter_live_email_links_the_supporters_page_and_the_manage_link_by_their_labels()
    {
        var email = (await SampleEmails.AllAsync())["supporter-live"];
        var links = Parser.ParseDocument(email.Html).QuerySelectorAll("a").ToList();

        Assert.Equal("supporter-0f3c9a-v2-live", email.Id);
        Assert.Equal("supporter-live", email.Category);
        Assert.Equal("You are on the supporters page: Leeds Carers Forum", email.Subject);
        Assert.Contains(links, a => a.GetAttribute("href") == SampleEmails.SupportersUrl && a.TextContent == "See the supporters page");
        Assert.Contains(links, a => a.GetAttribute("href") == SampleEmails.SupporterManageUrl && a.TextContent == SupporterEmails.ManageLabel());
        Assert.Contains("See the supporters page:\n" + SampleEmails.SupportersUrl + "\n", email.Text);
        Assert.Contains(SupporterEmails.ManageLabel() + ":\n" + SampleEmails.SupporterManageUrl + "\n", email.Text);
    }

    [Fact]
    public async Task A_supporter_live_email_without_the_private_link_says_where_to_find_it()
    {
        var email = await SupporterEmails.LiveAsync(SampleEmails.SupporterSubmission, SampleEmails.Supporter, SampleEmails.SupportersUrl, null, SampleEmails.Now);

        Assert.Contains("use the private link in the first email we sent you", email.Text);
        Assert.Contains("use the private link in the first email we sent you", Parser.ParseDocument(email.Html).Body!.TextContent);
        Assert.DoesNotContain("manage?token", email.Html + email.Text);
    }

    [Fact]
    public async Task A_held_pledge_keeps_its_id_and_says_a_person_will_read_it()
    {
        var email = (await SampleEmails.AllAsync())["supporter-held"];

        Assert.Equal("supporter-0f3c9a-v2-held", email.Id);
        Assert.Equal("supporter-held", email.Category);
        Assert.Equal("A person will read your pledge: Leeds Carers Forum", email.Subject);
        Assert.Contains("waiting for a person from the campaign team", email.Text);
    }

    [Fact]
    public async Task The_access_request_emails_keep_their_ids_and_flags_and_say_only_what_each_reader_may_see()
    {
        var all = await SampleEmails.AllAsync();
        var request = SampleEmails.AccessRequest;
        var (organiser, copy, notice) = (all["access-organiser"], all["access-copy"], all["access-notice"]);

        Assert.Equal("access-a1b2c3-organiser", organiser.Id);
        Assert.Equal("access-a1b2c3-copy", copy.Id);
        Assert.Equal("access-a1b2c3-notice", notice.Id);
        Assert.Equal("Access request for your event: Co-producing mental health services in Leeds", organiser.Subject);
        Assert.Equal("We sent your access request: Co-producing mental health services in Leeds", copy.Subject);
        Assert.Equal("Your access request has gone to the organiser: Co-producing mental health services in Leeds", notice.Subject);
        Assert.All([organiser, copy, notice], e => Assert.Equal(AccessRequestEmails.Category, e.Category));
        Assert.All([organiser, copy, notice], e => Assert.True(e.Sensitive));
        Assert.Equal((SampleEmails.Event.Contact.Email, request.Email), (organiser.To, organiser.ReplyTo));
        Assert.Equal((request.Email, null), (copy.To, copy.ReplyTo));
        Assert.Equal((request.Email, null), (notice.To, notice.ReplyTo));

        // The organiser gets the whole request, and is told the reply address was not checked.
        foreach (var part in new[] { organiser.Text, Parser.ParseDocument(organiser.Html).Body!.TextContent })
        {
            Assert.Contains("Hello Sam,", part);
            Assert.Contains("Monday 5 July 2027, 10am to 12:30pm", part);
            Assert.Contains("From " + request.Name, part);
            Assert.Contains("They need: BSL interpretation", part);
            Assert.Contains("They need: Step-free access", part);
            Assert.Contains("They need: Something else: " + request.OtherNeeds, part);
            Assert.Contains("Email: " + request.Email, part);
            Assert.Contains($"Your reply goes to {request.Email}, the address typed into the form. We have not checked that this address belongs to the person who sent this", part);
            Assert.Contains("This is health information.", part);
        }
        // The copy repeats the event and our own words for what was ticked, none of the person's.
        foreach (var part in new[] { copy.Text, Parser.ParseDocument(copy.Html).Body!.TextContent })
        {
            Assert.Contains("Co-producing mental health services in Leeds", part);
            Assert.Contains("You asked for: BSL interpretation", part);
            Assert.Contains("You asked for: Something else (what you wrote went to the organiser)", part);
            Assert.Contains("The organiser will contact you by email", part);
            Assert.Contains("If this was not you", part);
            Assert.DoesNotContain("large print", part);
            Assert.DoesNotContain(request.Name, part);
            Assert.DoesNotContain(SampleEmails.Event.Contact.Email, part);
        }
        // The notice to an unconfirmed address is fixed words: nothing of the request at all.
        foreach (var part in new[] { notice.Text, Parser.ParseDocument(notice.Html).Body!.TextContent })
        {
            Assert.Contains("Someone gave this email address", part);
            Assert.Contains("If this was not you", part);
            Assert.DoesNotContain("BSL", part);
            Assert.DoesNotContain("large print", part);
            Assert.DoesNotContain(request.Name, part);
        }
        // The event is a labelled link in both, never a printed address in the HTML.
        foreach (var email in new[] { copy, notice })
        {
            var link = Parser.ParseDocument(email.Html).QuerySelectorAll("a").Single(a => a.GetAttribute("href") == SampleEmails.PageUrl);
            Assert.Equal(AccessRequestEmails.EventLabel(), link.TextContent);
            Assert.Contains(AccessRequestEmails.EventLabel() + ":\n" + SampleEmails.PageUrl + "\n", email.Text);
        }
        Assert.DoesNotContain("<a ", Parser.ParseDocument(organiser.Html).QuerySelector("[role=main]")!.InnerHtml);
    }
}
