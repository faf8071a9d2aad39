using System.Text;
using CoproWeek.Hub.Events;

namespace CoproWeek.Hub.Site;

/// <summary>
/// The week across the UK at a glance: a tile map of the twelve regions (inline SVG, a tile each, placed roughly where
/// the region is), each tile naming its region and its number of upcoming events and linking to its list. Darker
/// tiles have more events, but the number is always written, so nothing depends on colour. The same links follow as a
/// plain list, which is what keyboards and screen readers use: the map itself is a picture of that list for the mouse.
/// </summary>
public static class RegionMap
{
    private const int Tile = 116;
    private const int TileHeight = 76;

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

    public static StringBuilder RegionTiles(this StringBuilder html, IReadOnlyList<PublishedEvent> upcoming, SiteOptions options, int headingLevel)
    {
        var counts = upcoming.GroupBy(e => e.Details.Region).ToDictionary(g => g.Key, g => g.Count());
        var most = Math.Max(1, counts.Where(c => Places.ContainsKey(c.Key)).Select(c => c.Value).DefaultIfEmpty(0).Max());
        html.Append("<section class=\"region-map\" aria-labelledby=\"region-map\">\n<h").Append(headingLevel).Append(" id=\"region-map\">Events across the UK</h")
            .Append(headingLevel).Append(">\n<div class=\"region-map-layout\">\n")
            .Append("<svg class=\"tile-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(4 * Tile).Append(' ').Append(5 * TileHeight)
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
            html.Append("<a href=\"").Text(options.Url(SitePaths.Filter(Facet.Region, region.Id))).Append("\" tabindex=\"-1\">")
                .Append("<rect x=\"").Append(x).Append("\" y=\"").Append(y).Append("\" width=\"").Append(Tile - 6).Append("\" height=\"").Append(TileHeight - 6)
                .Append("\" rx=\"4\" fill=\"").Append(fill).Append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
            var lines = Label(region.Name);
            for (var i = 0; i < lines.Count; i++)
            {
                html.Append("<text x=\"").Append(x + 8).Append("\" y=\"").Append(y + 20 + i * 17).Append("\" fill=\"").Append(ink).Append("\" font-size=\"13\">").Text(lines[i]).Append("</text>");
            }
            html.Append("<text x=\"").Append(x + 8).Append("\" y=\"").Append(y + TileHeight - 14).Append("\" fill=\"").Append(ink).Append("\" font-size=\"17\" font-weight=\"700\">")
                .Append(count).Append("</text></a>\n");
        }
        html.Append("</svg>\n<ul class=\"region-list\">\n");
        foreach (var region in Vocabulary.Regions)
        {
            html.Append("<li><a href=\"").Text(options.Url(SitePaths.Filter(Facet.Region, region.Id))).Append("\">").Text(region.Name).Append(": ")
                .Append(EventList.Count(counts.GetValueOrDefault(region.Id))).Append("</a></li>\n");
        }
        html.Append("</ul>\n</div>\n</section>\n");
        return html;
    }

    // Short names on one line; longer ones break at their last space that fits ("Yorkshire and the" / "Humber").
    private static List<string> Label(string name)
    {
        if (name.Length <= 11)
        {
            return [name];
        }
        var words = name.Split(' ');
        var first = new StringBuilder();
        var i = 0;
        while (i < words.Length && first.Length + words[i].Length + 1 <= 12)
        {
            first.Append(first.Length > 0 ? " " : "").Append(words[i++]);
        }
        return i == 0 ? [name] : [first.ToString(), string.Join(' ', words.Skip(i))];
    }
}
