using System.Text.Json.Nodes;

namespace CoproWeek.Benchmarks;

/// <summary>Valid events that differ enough that none looks like a duplicate of another.</summary>
public static class SampleEvents
{
    public static JsonObject Json(int n)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 5, 10, 0, 0, TimeSpan.FromHours(1)).AddMinutes(n % 5000);
        return new JsonObject
        {
            ["title"] = $"Co-production workshop number {n}",
            ["summary"] = "An open workshop run by people who use services and the staff who run them.",
            ["description"] = "We will share what we learned, and plan what comes next together.",
            ["organiser"] = new JsonObject { ["name"] = $"Peer Network {n % 97}" },
            ["contact"] = new JsonObject { ["name"] = "Event contact", ["email"] = $"contact{n}@example.org" },
            ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["end"] = start.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
            ["format"] = "online",
            ["region"] = "uk-wide",
            ["topics"] = new JsonArray("health"),
            ["access"] = new JsonObject { ["captions"] = true },
        };
    }
}
