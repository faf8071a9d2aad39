using System.Text;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Hub.Site;

/// <summary>
/// <c>submit-post/index.html</c>, and the same page shown again by the API when something needs fixing. A plain
/// <c>multipart/form-data</c> form with three picture slots, each with its description; no JavaScript.
/// </summary>
public static class SubmitPostPage
{
    public const string Heading = "Send us your story";

    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { "title", "body", "authorName", "authorEmail" };

    public static string Render(SiteOptions options, EventFormValues? values = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var formErrors = new FormErrors(errors, PostValidator.Fields);
        var html = new StringBuilder(16 * 1024);
        formErrors.WriteSummary(html);
        html.Append("<h1>").Append(Heading).Append("</h1>\n")
            .Append("<p class=\"lede\">Tell people what co-production meant for you, your group or your service.</p>\n")
            .Append("<p>").Append(Moderation.ModerationPromise.Story).Append(" We will email you when it is live.</p>\n");
        if (formErrors.Any && values is not null)
        {
            html.Append("<p><strong>If you chose pictures, choose them again:</strong> for your safety, browsers do not keep them when a page comes back.</p>\n");
        }
        Write(html, options.Api("posts"), values ?? EventFormValues.Empty, formErrors);
        return SiteLayout.Render(options, formErrors.Any ? "Error: " + Heading : Heading, html.ToString(), SiteSection.Stories, new PageHead
        {
            Description = "Send a story to the Co-production Week blog.",
            Canonical = options.Url(PostPaths.SubmitPost),
        });
    }

    public static string Thanks(SiteOptions options)
    {
        var html = new StringBuilder();
        html.Append("<h1>Thank you — we have your story</h1>\n")
            .Append("<p class=\"lede\">We have sent you an email.</p>\n")
            .Append("<h2>What happens next</h2>\n")
            .Append("<ul>\n<li>If this is the first time you have sent us something from this email address, our email asks you to confirm it. Open it and press the button. We cannot read your story until you do.</li>\n")
            .Append("<li>Then a person from the Co-production Week team will read your story.</li>\n")
            .Append("<li>We will email you when it is on the website, or if we need you to change something.</li>\n")
            .Append("<li>The email has a private link. Use it to change your story before it goes out, or to take it down. Do not share the link.</li>\n</ul>\n")
            .Append("<p>If you do not get our email in the next hour, check your junk or spam folder.</p>\n")
            .Append("<p><a href=\"").Text(options.Url(PostPaths.Posts)).Append("\">Read other stories</a></p>\n");
        return SiteLayout.Render(options, "Thank you — we have your story", html.ToString(), SiteSection.Stories);
    }

    private static void Write(StringBuilder html, string action, EventFormValues values, FormErrors errors)
    {
        var form = new FormWriter(html, values, errors, Required);
        html.Append("<form method=\"post\" action=\"").Text(action).Append("\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" novalidate>\n");
        form.StartFieldset("Your story");
        form.Text("title", "Title", $"Up to {PostValidator.MaxTitle} characters, for example “What our carers’ panel changed”.", spellcheck: "true");
        form.TextArea("body", "Your story",
            "Leave an empty line between paragraphs. You can make words **bold**, and add a link like [our group](https://example.org). Up to 20,000 characters.", 14);
        form.EndFieldset();

        form.StartFieldset("Pictures", $"Optional. Up to {Posts.PostImages.MaxImages} photos or pictures (JPEG, PNG or WebP, up to 5 MB each). "
            + "Only send pictures of people who agreed to be in them. Describe each picture for people who cannot see it.", "pictures");
        WriteErrors(html, errors, PostUpload.ImagesPart);
        WriteErrors(html, errors, PostUpload.AltPart);
        for (var slot = 1; slot <= Posts.PostImages.MaxImages; slot++)
        {
            var fileId = slot == 1 ? "field-images" : $"field-images-{slot}";
            var altId = slot == 1 ? "field-imageAlt" : $"field-imageAlt-{slot}";
            html.Append("<div class=\"field\">\n<label for=\"").Append(fileId).Append("\">Picture ").Append(slot).Append("</label>\n")
                .Append("<input type=\"file\" id=\"").Append(fileId).Append("\" name=\"").Append(PostUpload.ImagesPart)
                .Append("\" accept=\"image/jpeg,image/png,image/webp\">\n</div>\n")
                .Append("<div class=\"field\">\n<label for=\"").Append(altId).Append("\">Description of picture ").Append(slot).Append("</label>\n")
                .Append("<input type=\"text\" id=\"").Append(altId).Append("\" name=\"").Append(PostUpload.AltPart).Append("\" value=\"")
                .Text(values.GetAll(PostUpload.AltPart).ElementAtOrDefault(slot - 1)).Append("\">\n</div>\n");
        }
        form.EndFieldset();

        form.StartFieldset("About your story");
        form.Text("tags", "Tags", "Optional. Up to 10 words or short phrases, separated by commas, for example “mental health, young carers”.");
        form.Choices("kind", "Kind of story", "Optional. If you choose none, it is a blog.", Posts.StoryKinds.All, multiple: false);
        form.Text("originalUrl", "Where it first appeared", "Optional. If your story was published on another website first, its full address, starting with https://. We will link to it.", "url", spellcheck: "false");
        form.Text("relatedEventId", "Related event", "Optional. If your story is about an event on our calendar, the event’s id from its manage link.", spellcheck: "false");
        form.EndFieldset();

        form.StartFieldset("About you", "We show your name, role and organisation with your story. We never publish your email address.", "about-you");
        form.Text("authorName", "Your name as it should appear", null, autocomplete: "name");
        form.Text("authorRole", "Your role", $"Optional. Up to {Posts.Bylines.MaxRole} characters, for example “Co-production Network member”.", autocomplete: "organization-title");
        form.Text("organisation", "Your organisation or group", "Optional.", autocomplete: "organization");
        form.Text("authorEmail", "Your email address", "We will send a private link to change or withdraw your story.", "email", "email", "false");
        form.EndFieldset();
        CoAuthors(form);

        form.Checkbox("consent", "I may publish this story, and everyone named or pictured in it has agreed to be in it (required)");

        // The spam trap: hidden from sight, from screen readers and from the tab order, so only robots fill it in.
        html.Append("<div class=\"visually-hidden\" aria-hidden=\"true\">\n<label for=\"field-website-trap\">Leave this empty</label>\n")
            .Append("<input type=\"text\" id=\"field-website-trap\" name=\"").Append(PostValidator.HoneypotField)
            .Append("\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">\n</div>\n")
            .Append("<button type=\"submit\">Send your story</button>\n</form>\n");
    }

    /// <summary>Up to two people who wrote the story with its sender, each named like the sender.</summary>
    private static void CoAuthors(FormWriter form)
    {
        for (var i = 1; i < Posts.Bylines.MaxAuthors; i++)
        {
            form.StartFieldset($"Co-author {i}", i == 1 ? "Optional. If you wrote the story with someone, for example a person with lived experience and a member of staff together, name them here." : "Optional.");
            form.Text(Posts.StoryFields.AuthorField(i, "name"), $"Co-author {i}: name", null);
            form.Text(Posts.StoryFields.AuthorField(i, "role"), $"Co-author {i}: role", "Optional.");
            form.Text(Posts.StoryFields.AuthorField(i, "organisation"), $"Co-author {i}: organisation or group", "Optional.");
            form.EndFieldset();
        }
    }

    private static void WriteErrors(StringBuilder html, FormErrors errors, string name)
    {
        if (errors.Has(name))
        {
            html.Append("<p class=\"error-message\" id=\"field-").Append(name).Append("-error\"><span class=\"visually-hidden\">Error: </span>")
                .Text(string.Join(" ", errors.For(name))).Append("</p>\n");
        }
    }
}
