using System.Net.Mail;
using System.Text.Json;
using CoproWeek.Hub.Storage;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Subscriptions;

/// <summary>What someone asks for when they subscribe or change their choices.</summary>
public sealed record SubscriptionRequest(string? Email, string? Frequency, IReadOnlyList<string>? Regions, IReadOnlyList<string>? Topics);

/// <summary>Reads a subscription request from JSON or a form post, and checks it field by field.</summary>
public static class SubscriptionChoices
{
    public const int MaxEmailLength = 254;
    public static readonly IReadOnlyList<string> Frequencies = ["daily", "weekly"];

    /// <summary>The request, or null when a JSON body cannot be read at all.</summary>
    public static async Task<SubscriptionRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return new SubscriptionRequest(form["email"].ToString(), form["frequency"].ToString(),
                form["regions"].Where(v => v is not null).Select(v => v!).ToList(),
                form["topics"].Where(v => v is not null).Select(v => v!).ToList());
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<SubscriptionRequest>(request.Body, HubJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Field errors in plain words; empty when the request can be used.</summary>
    public static Dictionary<string, string[]> Validate(SubscriptionRequest request, bool needEmail)
    {
        var errors = new Dictionary<string, string[]>();
        if (needEmail && !IsEmail(request.Email))
        {
            errors["email"] = [string.IsNullOrWhiteSpace(request.Email)
                ? "Enter your email address."
                : "Enter an email address like name@example.org, up to 254 characters."];
        }
        if (request.Frequency is null || !Frequencies.Contains(request.Frequency))
        {
            errors["frequency"] = ["Choose how often: daily or weekly."];
        }
        if (request.Regions?.Where(r => !Vocabulary.Contains(Vocabulary.Regions, r)).ToList() is { Count: > 0 } badRegions)
        {
            errors["regions"] = [$"We do not know these regions: {string.Join(", ", badRegions.Take(5))}."];
        }
        if (request.Topics?.Where(t => !Vocabulary.Contains(Vocabulary.Topics, t)).ToList() is { Count: > 0 } badTopics)
        {
            errors["topics"] = [$"We do not know these topics: {string.Join(", ", badTopics.Take(5))}."];
        }
        return errors;
    }

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength || email.Any(char.IsControl) || email.Contains(' '))
        {
            return false;
        }
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0)
        {
            return false;
        }
        var at = email.LastIndexOf('@');
        return at is > 0 and <= 64 && email[(at + 1)..].Contains('.');
    }
}
