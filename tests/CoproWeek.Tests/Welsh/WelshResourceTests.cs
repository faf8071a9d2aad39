using System.Text.RegularExpressions;

namespace CoproWeek.Tests.Welsh;

/// <summary>Every interface string has a Welsh translation, with the same placeholders, beside its English.</summary>
public sealed class WelshResourceTests
{
    [Fact]
    public void The_hub_has_resource_files_for_its_words()
    {
        Assert.Contains(WelshChecks.ResourcePairs, p => p.EnglishPath.EndsWith("SiteText.resx", StringComparison.Ordinal));
        Assert.All(WelshChecks.ResourcePairs, p => Assert.NotEmpty(p.English));
    }

    [Fact]
    public void Every_English_string_has_a_Welsh_one_with_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var pair in WelshChecks.ResourcePairs)
        {
            var file = Path.GetFileName(pair.EnglishPath);
            foreach (var (key, english) in pair.English)
            {
                if (!pair.Welsh.TryGetValue(key, out var welsh) || string.IsNullOrWhiteSpace(welsh))
                {
                    problems.Add($"{file} {key}: no Welsh");
                    continue;
                }
                if (!Placeholders(english).SetEquals(Placeholders(welsh)))
                {
                    problems.Add($"{file} {key}: placeholders differ ({english} / {welsh})");
                }
            }
            foreach (var key in pair.Welsh.Keys.Except(pair.English.Keys))
            {
                problems.Add($"{file} {key}: Welsh with no English");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+(:[^}]*)?\}").Select(m => m.Value).ToHashSet();
}
