namespace CoproWeek.Hub.Email;

/// <summary>The emails' look in one place: the site's colours and type, as inline-style values, and the dark-mode overrides (their words are in <c>EmailText.resx</c>).</summary>
public static class EmailStyle
{
    public const string Font = "Arial,Helvetica,sans-serif";
    public const string Brand = "#12355b";
    public const string Accent = "#ffdd00";
    public const string Ink = "#0b0c0c";
    public const string Muted = "#505a5f";
    public const string Link = "#1d4f91";
    public const string Page = "#ffffff";
    public const string Panel = "#f3f2f1";
    public const string Rule = "#b1b4b6";
    public const string Button = "#00703c";

    /// <summary>
    /// Clients that honour <c>prefers-color-scheme</c> (Apple Mail, iOS, some Outlook) get a dark page with light text and
    /// links; the header and the button keep colours that read on either.
    /// </summary>
    public const string DarkMode =
        "@media (prefers-color-scheme: dark) {" +
        " .cw-body { background:#1b1b1b !important; color:#f3f2f1 !important; }" +
        " .cw-panel { background:#2b2b2b !important; }" +
        " .cw-muted { color:#d3d6d8 !important; }" +
        " a.cw-link { color:#a6c8ff !important; }" +
        " .cw-card { border-color:#6f777b !important; }" +
        " }" +
        " [data-ogsc] .cw-body { background:#1b1b1b !important; color:#f3f2f1 !important; }" +
        " [data-ogsc] a.cw-link { color:#a6c8ff !important; }";
}
