using CoproWeek.Hub.Events;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Who is asking, for the moderators' pages beside the queue (reports, dashboard, exports): the page session in the
/// moderation cookie, the same one the queue page starts; and for the API, the key in <c>Authorization: Bearer</c>.
/// </summary>
public sealed class ModeratorPageSession(ModeratorSessions sessions, ModeratorAuth auth)
{
    public async Task<ModeratorSession?> FindAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.Cookies[ModerationPage.Cookie] is { Length: > 0 } token ? await sessions.FindAsync(token, cancellationToken) : null;

    /// <summary>The moderator's name from the API key, or the problem to answer with (401 or 429).</summary>
    public Task<(string? Name, IResult? Problem)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        auth.AuthenticateAsync(request, cancellationToken);

    /// <summary>The private answer of a handler only moderators may call with their key (see <see cref="ModeratorAuth.AnswerAsync"/>).</summary>
    public Task<IResult> AnswerAsync(HttpRequest request, Func<string, Task<IResult>> answer, CancellationToken cancellationToken) =>
        auth.AnswerAsync(request, answer, cancellationToken);

    /// <summary>A form on a moderator's page that did not come from our page: refused.</summary>
    public static IResult ForeignForm() =>
        Problems.Status(StatusCodes.Status403Forbidden, "This form did not come from the moderation page",
            "Go back to the moderation page, open the item again and send the form from there.");

    public static IResult SignInFirst(string pageUrl) => new SeeOther(pageUrl);
}
