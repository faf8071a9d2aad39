using System.Text;
using System.Text.RegularExpressions;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

/// <summary>The stylesheet keeps its scales, its components (as Site/DESIGN.md lists them) and its budget.</summary>
public sealed class SiteCssTests
{
    private static readonly string Css = SiteCss.Content();

    [Fact]
    public void The_stylesheet_defines_both_scales_and_steps_them_up_at_40rem()
    {
        var root = Rule(Css, ":root");
        foreach (var name in Enumerable.Range(1, 9).Select(i => $"--s{i}").Concat(["--font-s", "--font-m", "--font-l", "--font-xl", "--font-xxl", "--measure"]))
        {
            Assert.Matches($"{name}:[.0-9]+rem", root);
        }
        var tablet = Rule(MediaBlock(Css, "(min-width: 40rem)"), ":root");
        foreach (var name in new[] { "--s6", "--s9", "--font-s", "--font-m", "--font-l", "--font-xl", "--font-xxl" })
        {
            Assert.True(Size(root, name) < Size(tablet, name), $"{name} should grow on screens 40rem and wider");
        }
    }

    [Fact]
    public void Every_text_size_and_space_comes_from_the_scales()
    {
        var rules = Regex.Replace(Css, @":root\{[^}]*\}", "");
        foreach (Match size in Regex.Matches(rules, @"(?<![-\w])font-size:([^;}]+)"))
        {
            Assert.Matches(@"^(var\(--font-(s|m|l|xl|xxl)\)|inherit)$", size.Groups[1].Value);
        }
        var spaces = Regex.Matches(rules, @"(?<![-\w])(margin|padding|gap)(-[a-z-]+)?:([^;}]+)");
        Assert.True(spaces.Count > 50);
        foreach (Match space in spaces)
        {
            // Component geometry may be in px (the 44px radio target); rem and em sizes must be steps of the scale.
            Assert.DoesNotMatch(@"\d(r?em)\b", space.Groups[3].Value);
        }
    }

    [Fact]
    public void Every_class_the_design_note_lists_is_in_the_stylesheet()
    {
        var note = File.ReadAllText(DesignNote());
        var listed = Regex.Matches(note, @"`\.([a-z][a-z0-9-]*)`").Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var required in new[] { "grid", "col-two-thirds", "col-one-third", "card-grid", "field", "field-error", "hint", "error-message",
                     "error-summary", "button", "button-secondary", "button-warning", "summary-list", "language-link", "pagination", "tags", "choice" })
        {
            Assert.Contains(required, listed);
        }
        // Only selectors count, and not a class merely excluded by :not(...).
        var selectors = string.Join(",", Regex.Matches(Css, @"([^{}]+)\{").Select(m => Regex.Replace(m.Groups[1].Value, @":not\([^)]*\)", "")));
        var missing = listed.Where(name => !Regex.IsMatch(selectors, $@"\.{Regex.Escape(name)}(?![-\w])")).ToList();
        Assert.True(missing.Count == 0, "Site/DESIGN.md lists classes the stylesheet no longer styles: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_page_container_widens_at_1280px_and_card_grids_step_from_one_to_three_columns()
    {
        Assert.Contains("max-width:60rem", Rule(Css, ".wrap"));
        Assert.Contains(".wrap{max-width:75rem}", MediaBlock(Css, "(min-width: 80rem)"));
        Assert.Contains("grid-template-columns:minmax(0,1fr)", Rule(Css, ".event-list,.card-grid"));
        Assert.Contains(".card-grid{grid-template-columns:repeat(2,", MediaBlock(Css, "(min-width: 40rem)"));
        var desktop = MediaBlock(Css, "(min-width: 64rem)");
        Assert.Contains(".card-grid{grid-template-columns:repeat(3,", desktop);
        Assert.Contains(".grid{grid-template-columns:repeat(3,", desktop);
        Assert.Contains(".col-two-thirds{grid-column:span 2}", desktop);
        Assert.Contains("max-width:var(--measure)", Css);
        Assert.Contains("p,li,dd,blockquote{max-width:70ch}", Css);
    }

    [Fact]
    public void The_container_and_main_pad_different_sides_so_every_h1_has_space_above_it()
    {
        // .wrap (a class) outranks main (an element): if it set block padding it would undo main's, as it once did.
        foreach (Match wrap in Regex.Matches(Css, @"(?<![-\w])\.wrap\{([^}]*)\}"))
        {
            Assert.DoesNotMatch(@"padding(-top|-block)?:", wrap.Groups[1].Value);
        }
        Assert.Matches(@"^padding-block:var\(--s7\)", Regex.Match(Rule(Css, "main"), "padding-block:[^;]+").Value);
        Assert.Contains("h1{font-size:var(--font-xxl);margin:0 0", Css);
    }

    [Fact]
    public void Radios_and_checkboxes_are_44px_targets_with_a_focus_ring_that_forced_colours_keep()
    {
        var input = Rule(Css, ".choice input");
        Assert.Contains("width:44px;height:44px", input);
        Assert.Contains("opacity:0", input);
        // Forced-colours modes drop box-shadows but paint a transparent outline in the system colour.
        Assert.Contains("outline:3px solid transparent", Rule(Css, ".choice input:focus+label::before"));
        Assert.Contains("border:10px solid", Rule(Css, ".choice [type=radio]+label::after"));
        Assert.Contains("@media (prefers-reduced-motion: reduce)", Css);
        Assert.Contains("@media print", Css);
    }

    [Fact]
    public void The_stylesheet_stays_within_its_budget_of_12_KB()
    {
        var bytes = Encoding.UTF8.GetByteCount(Css);
        Assert.True(bytes <= 13 * 1024, $"site.css is {bytes:N0} bytes; it ships on every page, so keep it under 13 KB");
        Assert.DoesNotContain("\n", Css);
    }

    /// <summary>The declarations of the first rule whose selector list is exactly <paramref name="selector"/>.</summary>
    private static string Rule(string css, string selector)
    {
        var match = Regex.Match(css, $@"(?<=^|[{{}}]){Regex.Escape(selector)}\{{([^}}]*)\}}");
        Assert.True(match.Success, $"no rule for {selector}");
        return match.Groups[1].Value;
    }

    /// <summary>The insides of every <c>@media</c> block with this condition, one after another.</summary>
    private static string MediaBlock(string css, string condition)
    {
        var inside = new StringBuilder();
        for (var start = css.IndexOf("@media " + condition + "{", StringComparison.Ordinal); start >= 0;
             start = css.IndexOf("@media " + condition + "{", start + 1, StringComparison.Ordinal))
        {
            var open = css.IndexOf('{', start);
            var depth = 0;
            for (var i = open; i < css.Length; i++)
            {
                depth += css[i] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    inside.Append(css[(open + 1)..i]);
                    break;
                }
            }
        }
        Assert.True(inside.Length > 0, $"no @media {condition}");
        return inside.ToString();
    }

    private static double Size(string declarations, string name) =>
        double.Parse(Regex.Match(declarations, $@"{Regex.Escape(name)}:([.0-9]+)rem").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string DesignNote()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoproWeek.sln")))
            {
                return Path.Combine(directory.FullName, "functions", "CoproWeek.Hub", "Site", "DESIGN.md");
            }
        }
        throw new InvalidOperationException("The repository (CoproWeek.sln) is not above " + AppContext.BaseDirectory);
    }
}
