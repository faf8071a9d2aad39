using System.Net;
using System.Text;
using CoproWeek.Hub.Email;
using CoproWeek.Hub.Http;

namespace CoproWeek.Host.Endpoints;

/// <summary><c>GET /dev/outbox</c> (Development only): the emails the hub would have sent, newest first.</summary>
public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapDevOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/outbox", async (HttpRequest request, Outbox outbox, CancellationToken cancellationToken) =>
        {
            var messages = await outbox.ListAsync(200, cancellationToken);
            if (request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value == "application/json"))
            {
                return new PrivateAnswer(Results.Json(messages, Hub.Storage.HubJson.Options));
            }
            return PrivateAnswer.Html(Render(messages));
        });
        return app;
    }

    private static string Render(IReadOnlyList<EmailMessage> messages)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Outbox – Co-production Week (development)</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}article{border:1px solid #767676;border-radius:.5rem;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}</style>")
            .Append("</head><body><main><h1>Outbox</h1><p>Emails the hub sent while no SendGrid key is set, newest first.</p>");
        if (messages.Count == 0)
        {
            html.Append("<p>No emails yet.</p>");
        }
        foreach (var m in messages)
        {
            html.Append("<article><h2>").Append(WebUtility.HtmlEncode(m.Subject)).Append("</h2>")
                .Append("<p>To ").Append(WebUtility.HtmlEncode(m.To)).Append(", ")
                .Append(WebUtility.HtmlEncode(m.Created.ToString("u"))).Append("</p>")
                .Append("<details open><summary>Plain text</summary><pre>").Append(WebUtility.HtmlEncode(m.Text)).Append("</pre></details>")
                .Append("<details open><summary>As sent (HTML)</summary><iframe sandbox title=\"Email: ")
                .Append(WebUtility.HtmlEncode(m.Subject)).Append("\" style=\"width:100%;height:24rem;border:0\" srcdoc=\"")
                .Append(WebUtility.HtmlEncode(m.Html)).Append("\"></iframe></details></article>");
        }
        html.Append("</main></body></html>");
        return html.ToString();
    }
}
