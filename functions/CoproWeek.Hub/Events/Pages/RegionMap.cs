using System.Globalization;
using System.Text;
using CoproWeek.Hub.Site;

namespace CoproWeek.Hub.Events.Pages;

/// <summary>
/// The week across the UK at a glance: a tile map of the twelve regions (inline SVG, a tile each, placed roughly where
/// the region is), each tile naming its region and its number of upcoming events and linking to its list. Darker
/// tiles have more events, but the number is always written, so nothing depends on colour. The same links follow as a
/// plain list, which is what keyboards and screen readers use: the map itself is a picture of that list for the mouse.
/// </summary>
public sealed partial class RegionMap
{
    private const int Tile = 116;
    private const int TileHeight = 84;

    // (column, row) of each region on a 4 x 5 grid, north at the top.
    private static readonly Dictionary<string, (int Column, int Row)> Places = new()
    {
        ["scotland"] = (1, 0),
        ["northern-ireland"] = (0, 1),
        ["north-east"] = (2, 1),
        ["north-west"] = (1, 2),
        ["yorkshire-and-the-humber"] = (2, 2),
        ["wales"] = (0, 3),
        ["west-midlands"] = (1, 3),
        ["east-midlands"] = (2, 3),
        ["east-of-england"] = (3, 3),
        ["south-west"] = (1, 4),
        ["south-east"] = (2, 4),
        ["london"] = (3, 4),
    };

    // Razor reads <text> as its own tag, so the picture is written here, every name encoded.
    private static string Svg(IReadOnlyDictionary<string, int> counts, SiteOptions options, Language language)
    {
        var most = Math.Max(1, counts.Where(c => Places.ContainsKey(c.Key)).Select(c => c.Value).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder(6000);
        svg.Append("<svg class=\"tile-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(4 * Tile).Append(' ').Append(5 * TileHeight)
            .Append("\" width=\"").Append(4 * Tile).Append("\" height=\"").Append(5 * TileHeight).Append("\" aria-hidden=\"true\" focusable=\"false\">\n");
        foreach (var region in Vocabulary.Regions.Where(r => Places.ContainsKey(r.Id)))
        {
            var (column, row) = Places[region.Id];
            var count = counts.GetValueOrDefault(region.Id);
            // Three shades by share of the busiest region; white text on the two darker, dark text on the lightest.
            var share = (double)count / most;
            var (fill, ink) = count == 0 ? ("#f3f2f1", "#0b0c0c") : share < 0.34 ? ("#c8d8ec", "#0b0c0c") : share < 0.67 ? ("#3d6fa8", "#ffffff") : ("#12355b", "#ffffff");
            var x = column * Tile + 3;
            var y = row * TileHeight + 3;
            svg.Append("<a href=\"").Text(options.FilterUrl(language, Facet.Region, region.Id)).Append("\" tabindex=\"-1\">")
                .Append("<rect x=\"").Append(x).Append("\" y=\"").Append(y).Append("\" width=\"").Append(Tile - 6).Append("\" height=\"").Append(TileHeight - 6)
                .Append("\" rx=\"4\" fill=\"").Append(fill).Append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
            var lines = Label(Vocabulary.NameOf(Vocabulary.Regions, region.Id, language));
            // Welsh names are longer ("Gorllewin Canolbarth Lloegr"): three lines in a smaller size still leave room for the number.
            var size = lines.Count > 2 ? "12" : "13";
            var step = lines.Count > 2 ? 15 : 17;
            for (var i = 0; i < lines.Count; i++)
            {
                svg.Append("<text x=\"").Append(x + 8).Append("\" y=\"").Append(y + 19 + i * step).Append("\" fill=\"").Append(ink).Append("\" font-size=\"").Append(size).Append("\">")
                    .Text(lines[i]).Append("</text>");
            }
            svg.Append("<text x=\"").Append(x + 8).Append("\" y=\"").Append(y + TileHeight - 14).Append("\" fill=\"").Append(ink).Append("\" font-size=\"17\" font-weight=\"700\">")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</text></a>\n");
        }
        return svg.Append("</svg>").ToString();
    }

    // Short names on one line; longer ones break at spaces so each line fits a tile ("Yorkshire and the" / "Humber").
    private static List<string> Label(string name)
    {
        const int width = 13;
        if (name.Length <= width - 1)
        {
            return [name];
        }
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in name.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        lines.Add(line.ToString());
        return lines.Count <= 3 ? lines : [.. lines.Take(2), string.Join(' ', lines.Skip(2))];
    }
}
