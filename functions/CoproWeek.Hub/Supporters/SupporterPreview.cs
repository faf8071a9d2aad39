using System.Text;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Site;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Supporters;

/// <summary>A pledge as the supporters page will show it, for the moderator. The logo is still private, so its size stands in for it.</summary>
public sealed class SupporterPreview(IOptions<SiteOptions> site) : IPreviewRenderer
{
    public string Kind => SubmitSupporter.Kind;

    public Task<string> RenderAsync(Submission submission, CancellationToken cancellationToken)
    {
        var details = HubJson.Deserialize<SupporterDetails>(submission.DetailsJson);
        var html = new StringBuilder(2048);
        html.Append("<h1>Who supports the week</h1>\n<ul class=\"event-list supporters\">\n");
        html.Append(SupportersPage.Card(PublicSupporter.From(details, null)));
        html.Append("</ul>\n<p>").Append(details.Logo is { } logo ? $"With a logo, {logo.Width} by {logo.Height} pixels." : "No logo.").Append("</p>\n");
        return Task.FromResult(SiteLayout.Render(site.Value, "Who supports the week", html.ToString()));
    }
}
