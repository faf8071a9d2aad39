using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs.Specialized;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Limits;

/// <summary>What a limit counts.</summary>
public enum LimitedAction
{
    Submission,
    SignUp,
    /// <summary>Pledges of support from organisations.</summary>
    Supporter,
    AccessRequest,
    Report,
}

/// <summary>
/// Per-client limits on anonymous writes, holding across every host on the storage account. Each client has an
/// append blob per action and hour holding a byte per request; an append is one storage call that also answers how
/// much the blob held before it, so the count is exact across instances without a read-modify-write race, and
/// requests from one client that overlap share one append (<see cref="CoalescedCounts"/>). Once a client is over its
/// limit this host remembers it until the hour ends, so a flood costs no storage calls at all.
/// </summary>
public sealed class ClientLimits(
    HubStorage storage,
    AddressHasher hasher,
    IOptions<ClientLimitOptions> options,
    TimeProvider time,
    ILogger<ClientLimits> logger)
{
    /// <summary>Blobs older than this are removed by the daily clean-up.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _over = new(StringComparer.Ordinal);
    private readonly CoalescedCounts _counts = new(name => storage.Container(HubStorage.ContainerNames.Limits).GetAppendBlobClient(name));

    /// <summary>
    /// Counts this request; null when it may go on, else the 429 problem to answer with. Not cancellable: the append
    /// may carry other requests' counts too, and a request that gave up still counted.
    /// </summary>
    public async Task<IResult?> CountAsync(HttpRequest request, LimitedAction action)
    {
        var limit = action switch
        {
            LimitedAction.Submission => options.Value.SubmissionsPerHour,
            LimitedAction.SignUp => options.Value.SignUpsPerHour,
            LimitedAction.Supporter => options.Value.SupportersPerHour,
            LimitedAction.AccessRequest => options.Value.AccessRequestsPerHour,
            LimitedAction.Report => options.Value.ReportsPerHour,
            _ => 0,
        };
        if (limit <= 0)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var windowEnd = windowStart + Window;
        var name = BlobName(action, windowStart, ClientOf(request));

        if (_over.TryGetValue(name, out var until) && until > now)
        {
            return TooMany(until - now);
        }
        var count = await _counts.CountAsync(name);
        if (count <= limit)
        {
            return null;
        }
        Remember(name, windowEnd, now);
        logger.LogWarning("A client went over its limit of {Limit} {Action} requests an hour", limit, action);
        return TooMany(windowEnd - now);
    }

    /// <summary>The 429 answer: problem details with Retry-After in whole seconds.</summary>
    public static IResult TooMany(TimeSpan retryAfter) => new RetryAfter(retryAfter, Problems.Status(StatusCodes.Status429TooManyRequests,
        "Too many requests", $"You have sent a lot from this connection in the last hour. Try again in {Minutes(retryAfter)}."));

    /// <summary>
    /// A page answering for <paramref name="limited"/> (a form shown again with the 429 status), with the same
    /// <c>Retry-After</c> header, so a browser or a script reading the page knows the wait too.
    /// </summary>
    public static IResult WithSameWait(IResult limited, IResult page) => limited is RetryAfter wait ? new RetryAfter(wait.Wait, page) : page;

    /// <summary>"about 40 minutes": how long the wait is, in words for a person.</summary>
    public static string Minutes(TimeSpan wait) =>
        wait.TotalMinutes <= 1 ? "a minute" : $"about {Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";

    /// <summary>
    /// The client as a limit sees it: an IPv4 address, or the /64 network of an IPv6 address (one household or
    /// phone usually holds a whole /64), hashed with the hub's address key so no blob name holds an address.
    /// The address is the connection's as the host sees it: behind a front end, the self-host's forwarded-headers
    /// step and the Functions worker have already put the client's address there from a proxy they trust.
    /// </summary>
    public string ClientOf(HttpRequest request) =>
        hasher.Hash("client:" + Group(request.HttpContext.Connection.RemoteIpAddress));

    internal static string Group(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }


    private static string BlobName(LimitedAction action, DateTimeOffset windowStart, string client) =>
        $"{action.ToString().ToLowerInvariant()}/{windowStart.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}/{client}";


    private void Remember(string name, DateTimeOffset until, DateTimeOffset now)
    {
        if (_over.Count > 10_000)
        {
            foreach (var old in _over.Where(o => o.Value <= now).Select(o => o.Key).ToList())
            {
                _over.TryRemove(old, out _);
            }
        }
        _over[name] = until;
    }

    /// <summary>Adds a <c>Retry-After</c> header to another result.</summary>
    private sealed class RetryAfter(TimeSpan wait, IResult inner) : IResult
    {
        public TimeSpan Wait => wait;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
