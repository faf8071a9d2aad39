using System.Globalization;
using System.Text.RegularExpressions;

namespace CoproWeek.Hub.Site;

/// <summary>
/// The price in pounds an organiser's cost text starts from ("£5", "£12.50 or £8 concessions", "10 pounds"), for
/// schema.org's <c>price</c>; null when the text names no amount in pounds. The page shows the organiser's own words.
/// </summary>
public static partial class EventPrice
{
    [GeneratedRegex(@"£\s*(?<amount>\d{1,5}(?:[.,]\d{1,2})?)|(?<amount>\d{1,5}(?:\.\d{1,2})?)\s*(?:pounds?|GBP)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Amount();

    public static decimal? Lowest(string? cost)
    {
        if (string.IsNullOrWhiteSpace(cost))
        {
            return null;
        }
        decimal? lowest = null;
        foreach (Match match in Amount().Matches(cost))
        {
            if (decimal.TryParse(match.Groups["amount"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                && (lowest is null || amount < lowest))
            {
                lowest = amount;
            }
        }
        return lowest;
    }
}
