using System.Globalization;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoproWeek.Hub.Moderation;

/// <summary>
/// Checks a moderator's key, from <c>Authorization: Bearer</c> on the API or from the page's sign-in form, with
/// <see cref="SignInThrottle"/> in front: a client that keeps failing gets 429 and <c>Retry-After</c>, even
/// with a good key, until its block ends.
/// </summary>
public sealed class ModeratorAuth(Moderators moderators, SignInThrottle throttle, ILogger<ModeratorAuth> logger)
{
    /// <summary>The moderator's name, or the problem to answer with (401 or 429).</summary>
    public async Task<(string? Name, IResult? Problem)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (identity, wait) = await CheckKeyAsync(request, BearerOf(request), cancellationToken);
        return identity is not null ? (identity.Value.Name, null) : (null, wait is null ? Unauthorized() : TooManyFailures(wait.Value));
    }

    /// <summary>
    /// The private answer of a handler only moderators may call with their key: the 401 or 429 when the request is not a
    /// moderator's, otherwise what <paramref name="answer"/> makes of it for the moderator named.
    /// </summary>
    public Task<IResult> AnswerAsync(HttpRequest request, Func<string, Task<IResult>> answer, CancellationToken cancellationToken) =>
        PrivateAnswer.Of(AnswerModeratorAsync(request, answer, cancellationToken));

    private async Task<IResult> AnswerModeratorAsync(HttpRequest request, Func<string, Task<IResult>> answer, CancellationToken cancellationToken)
    {
        var (moderator, problem) = await AuthenticateAsync(request, cancellationToken);
        return moderator is null ? problem! : await answer(moderator);
    }

    /// <summary>
    /// Checks a key; the key id comes back too, so a page session can end with its key. With no identity, a wait
    /// means the client is blocked for that long; none means the key was missing or wrong.
    /// </summary>
    internal async Task<((string Name, string KeyId)? Identity, TimeSpan? Wait)> CheckKeyAsync(HttpRequest request, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (null, null);
        }
        // A try is reserved before the key is checked, so a concurrent burst gets no more keys checked than the limit.
        var client = ClientOf(request);
        if (await throttle.ReserveAsync(client, cancellationToken) is { } wait)
        {
            return (null, wait);
        }
        var identity = await moderators.VerifyKeyWithIdAsync(key, cancellationToken);
        if (identity is not null)
        {
            await throttle.SucceededAsync(client, cancellationToken);
            return (identity, null);
        }
        logger.LogWarning("A wrong moderator key was sent");
        if (await throttle.FailedAsync(client, cancellationToken) is { } blocked)
        {
            logger.LogWarning("A client sent {Failures} wrong moderator keys in a minute and must wait {Seconds}s", SignInThrottle.FailuresAllowed, (int)blocked.TotalSeconds);
        }
        return (null, null);
    }

    /// <summary>
    /// The client's address. Forwarded headers count only from a proxy the host trusts: on Azure Functions the
    /// worker takes them from the Functions host in front of it; the self-host from a proxy on the same machine,
    /// or from any proxy when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (see README, forwarded headers).
    /// </summary>
    public static string ClientOf(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static IResult Unauthorized() => new WithHeader("WWW-Authenticate", "Bearer",
        Problems.Status(StatusCodes.Status401Unauthorized, "A moderator key is needed",
            "Send your moderator key as Authorization: Bearer <key>. Ask an operator for a key if you do not have one."));

    public static IResult TooManyFailures(TimeSpan wait) => new WithHeader("Retry-After", RetryAfterSeconds(wait),
        Problems.Status(StatusCodes.Status429TooManyRequests, "Too many wrong keys",
            $"Wrong keys were sent from here too often. Wait {RetryAfterSeconds(wait)} seconds, then try again with the right key."));

    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string? BearerOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Adds a header to another result.</summary>
    private sealed class WithHeader(string name, string value, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
