using System.ComponentModel.DataAnnotations;

namespace CoproWeek.Hub.Limits;

/// <summary>How much one client (an IPv4 address, or an IPv6 /64) may send an hour. 0 switches a limit off.</summary>
public sealed class ClientLimitOptions
{
    public const string Section = "Limits";

    /// <summary>An append blob holds at most 50,000 blocks, so a count per hour cannot go past that.</summary>
    public const int MaxPerHour = 40_000;

    /// <summary>Events and stories together, from one client in one hour. An honest organisation never meets it.</summary>
    [Range(0, MaxPerHour)]
    public int SubmissionsPerHour { get; set; } = 30;

    /// <summary>Sign-ups for the digest from one client in one hour.</summary>
    [Range(0, MaxPerHour)]
    public int SignUpsPerHour { get; set; } = 20;

    /// <summary>Pledges of support (<c>POST /api/supporters</c>) from one client in one hour.</summary>
    [Range(0, MaxPerHour)]
    public int SupportersPerHour { get; set; } = 10;

    /// <summary>Access requests from one client in one hour, to any events.</summary>
    [Range(0, MaxPerHour)]
    public int AccessRequestsPerHour { get; set; } = 10;

}
