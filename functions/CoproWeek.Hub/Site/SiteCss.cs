namespace CoproWeek.Hub.Site;

/// <summary>
/// The one stylesheet, written by the publisher to <c>assets/site.css</c>. Colours meet WCAG AA (most meet AAA),
/// focus is a thick yellow-and-black outline, tap targets are at least 44px, and nothing is wider than a 320px screen.
/// </summary>
public static class SiteCss
{
    public const string ContentType = "text/css; charset=utf-8";

    public static string Content() => Css;

    private const string Css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c; background: #ffffff; overflow-wrap: anywhere; }
        .wrap { max-width: 46rem; margin-left: auto; margin-right: auto; padding-left: 1rem; padding-right: 1rem; }
        main { display: block; padding-top: 1.5rem; padding-bottom: 2rem; }
        main:focus { outline: none; }
        h1, h2, h3 { line-height: 1.25; margin: 1.5rem 0 0.75rem; }
        h1 { font-size: 2rem; margin-top: 0; }
        h2 { font-size: 1.5rem; }
        h3 { font-size: 1.25rem; }
        p, ul, ol, dl { margin: 0 0 1rem; }
        a { color: #1d4f91; text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
        a:visited { color: #4c2c92; }
        a:hover { color: #0b0c0c; text-decoration-thickness: 0.2em; }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
          outline: 3px solid #ffdd00; outline-offset: 0; background-color: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
        input:focus-visible, select:focus-visible, textarea:focus-visible { background-color: #ffffff; box-shadow: inset 0 0 0 2px #0b0c0c; outline-offset: 0; }
        .skip-link { position: absolute; left: -9999px; top: 0; padding: 0.75rem 1rem; background: #ffdd00; color: #0b0c0c; z-index: 10; }
        .skip-link:focus { left: 0; }
        .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: -1px !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
        .site-header { background: #12355b; color: #ffffff; padding: 0.75rem 0; border-bottom: 6px solid #ffdd00; }
        .site-header a, .site-header a:visited { color: #ffffff; }
        .site-header a:focus-visible { color: #0b0c0c; }
        .site-name { display: inline-flex; align-items: center; gap: 0.5rem; font-size: 1.375rem; font-weight: 700; text-decoration: none; padding: 0.5rem 0; min-height: 44px; }
        .site-name .mark { flex: 0 0 auto; width: 48px; height: 32px; }
        .site-nav { list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .site-nav a { display: inline-block; padding: 0.5rem 0; min-height: 44px; }
        .site-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.2em; }
        .site-footer { background: #f3f2f1; border-top: 1px solid #b1b4b6; padding: 1.5rem 0; font-size: 1rem; }
        .footer-links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .footer-links a { display: inline-block; padding: 0.5rem 0; }
        img, picture, svg { max-width: 100%; height: auto; }
        picture { display: block; }
        figure { margin: 0 0 1.5rem; }
        .story pre { overflow-x: auto; }
        .story table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
        .story th, .story td { border: 1px solid #b1b4b6; padding: 0.25rem 0.5rem; text-align: left; }
        .card-with-picture { display: flow-root; }
        .thumbnail { margin: 0 0 0.75rem; }
        .thumbnail img { display: block; width: 100%; aspect-ratio: auto; }
        @media (min-width: 40rem) { .thumbnail { float: right; width: 12rem; margin: 0 0 0.5rem 1rem; } }
        .calendar-links, .subscribe-calendar ul { padding-left: 1.25rem; }
        .calendar-links li, .subscribe-calendar li { margin-bottom: 0.5rem; }
        .calendar-links a, .subscribe-calendar a { display: inline-block; padding: 0.25rem 0; min-height: 44px; }
        .finder { border: 1px solid #b1b4b6; border-top: 6px solid #12355b; padding: 1rem; margin: 0 0 1.5rem; }
        .finder h2 { margin-top: 0; }
        .finder .field { margin-bottom: 1rem; }
        @media (min-width: 40rem) { .finder-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; } .finder-fields .field:first-child { grid-column: 1 / -1; }
          .finder-choices { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; } }
        mark { background: #ffdd00; color: #0b0c0c; padding: 0 0.1em; }
        .button.button-secondary, .button.button-secondary:visited { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        .button.button-secondary:hover { background: #dbdad9; color: #0b0c0c; }
        .week-dates { font-weight: 700; }
        .region-map-layout { display: grid; gap: 1rem; }
        .tile-map { width: 100%; max-width: 29rem; height: auto; }
        .tile-map a:hover rect { stroke-width: 3; }
        .region-list { columns: 2 12rem; padding-left: 1.25rem; }
        .region-list a { display: inline-block; padding: 0.25rem 0; }
        @media (max-width: 29.99rem) { .tile-map { display: none; } }
        @media (min-width: 64rem) { .region-map-layout { grid-template-columns: 29rem 1fr; align-items: start; } }
        @media (min-width: 80rem) {
          .wrap { max-width: 76rem; }
          main > h1, main > p, main > article, main > form, main > .error-summary, main > section:not(.region-map), main > .filters { max-width: 48rem; }
          .event-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0 1.5rem; }
          .finder { max-width: none; }
        }
        .lede { font-size: 1.3rem; }
        .easy-read { border-left: 8px solid #00703c; background: #f3f2f1; padding: 1rem; margin: 0 0 1.5rem; font-size: 1.3rem; }
        .easy-read h2 { margin-top: 0; }
        .facts { margin: 0 0 1.5rem; }
        .facts dt { font-weight: 700; margin-top: 0.75rem; }
        .facts dd { margin: 0; }
        .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
        .tags li { border: 2px solid #505a5f; border-radius: 0.25rem; padding: 0.1rem 0.5rem; }
        .checklist li { margin-bottom: 0.25rem; }
        .event-list { list-style: none; padding: 0; }
        .card { border: 1px solid #505a5f; border-left: 6px solid #12355b; border-radius: 0.25rem; padding: 1rem; margin: 0 0 1rem; }
        .card h2, .card h3 { margin: 0 0 0.5rem; font-size: 1.3rem; }
        .card dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0; }
        .card dt { font-weight: 700; }
        .card dd { margin: 0; }
        .supporter img { display: block; max-width: 100%; height: auto; margin: 0 0 0.75rem; }
        .story-kind { display: inline-block; margin: 0 0 0.5rem; padding: 0.1rem 0.5rem; border: 2px solid #12355b; font-weight: 700; }
        .count { font-weight: 700; }
        .filters { border: 1px solid #b1b4b6; padding: 0 1rem; margin: 0 0 1.5rem; }
        .filters > details { border-bottom: 1px solid #b1b4b6; }
        .filters > details:last-child { border-bottom: 0; }
        .filters summary { cursor: pointer; padding: 0.75rem 0; min-height: 44px; font-weight: 700; }
        .filters ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        .filters li a { display: inline-block; padding: 0.5rem 0; min-height: 44px; }
        .filters a[aria-current="page"] { font-weight: 700; color: #0b0c0c; text-decoration: none; border-bottom: 4px solid #12355b; }
        .button, button { display: inline-block; font: inherit; font-weight: 700; color: #ffffff; background: #00703c; border: 2px solid transparent; border-radius: 0; box-shadow: 0 2px 0 #002d18; padding: 0.6rem 1rem; min-height: 44px; cursor: pointer; text-decoration: none; margin: 0 0 1rem; }
        .button:visited { color: #ffffff; }
        .button:hover, button:hover { background: #005a30; color: #ffffff; }
        .button-warning { background: #b3261e; box-shadow: 0 2px 0 #55150f; }
        .button-warning:hover { background: #8c1d17; }
        .field { margin: 0 0 1.75rem; }
        .field-error { border-left: 5px solid #b3261e; padding-left: 0.75rem; }
        label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.75rem; min-width: 0; }
        legend { font-size: 1.3rem; padding: 0; }
        .hint { display: block; color: #484949; margin: 0 0 0.5rem; font-weight: 400; }
        .error-message { display: block; color: #b3261e; font-weight: 700; margin: 0 0 0.5rem; }
        .required { font-weight: 400; }
        input[type="text"], input[type="search"], input[type="email"], input[type="url"], input[type="datetime-local"], select, textarea {
          display: block; width: 100%; max-width: 36rem; font: inherit; padding: 0.5rem; min-height: 44px; border: 2px solid #0b0c0c; border-radius: 0; background: #ffffff; color: #0b0c0c; }
        textarea { min-height: 8rem; }
        [aria-invalid="true"] { border-color: #b3261e; border-width: 3px; }
        .choice { display: flex; align-items: flex-start; gap: 0.75rem; margin: 0 0 0.5rem; }
        .choice input { width: 1.75rem; height: 1.75rem; margin: 0.2rem 0 0; flex: 0 0 auto; accent-color: #12355b; }
        .choice label { font-weight: 400; padding: 0.2rem 0; min-height: 44px; margin: 0; }
        .error-summary { border: 5px solid #b3261e; padding: 1rem; margin: 0 0 1.5rem; }
        .error-summary:focus { outline: 3px solid #ffdd00; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: #b3261e; font-weight: 700; }
        .notice { border: 3px solid #12355b; padding: 1rem; margin: 0 0 1.5rem; }
        .link-button { display: inline; background: none; border: 0; box-shadow: none; color: #1d4f91; font-weight: 400; text-decoration: underline; padding: 0.5rem 0; min-height: 44px; margin: 0; }
        .link-button:hover { background: none; color: #0b0c0c; }
        .queue-counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
        .queue { width: 100%; border-collapse: collapse; margin: 0 0 1.5rem; overflow-wrap: normal; word-break: normal; }
        .queue caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
        .queue th, .queue td { text-align: left; vertical-align: top; padding: 0.5rem 1rem 0.5rem 0; border-bottom: 1px solid #b1b4b6; }
        .queue td:first-child { overflow-wrap: anywhere; }
        @media (max-width: 40rem) { .queue thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); } .queue, .queue tbody, .queue tr, .queue td { display: block; } .queue tr { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0; } .queue td { border: 0; padding: 0.125rem 0; } .queue td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; } }
        .preview { border: 3px dashed #b1b4b6; padding: 0 1rem; margin: 0 0 1.5rem; }
        .preview img { max-width: 100%; height: auto; }
        .chart-pair { display: grid; gap: 1rem; margin: 0 0 2rem; }
        .chart { width: 100%; height: auto; max-width: 30rem; }
        .stats-table { border-collapse: collapse; width: 100%; }
        .stats-table th, .stats-table td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid #b1b4b6; font-weight: 400; }
        .stats-table thead th { font-weight: 700; }
        .stats-table .number { text-align: right; font-variant-numeric: tabular-nums; }
        .report-link { margin-top: 2rem; }
        @media (min-width: 40rem) { h1 { font-size: 2.5rem; } .site-header .wrap { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; } }
        @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
        @media print { .site-header nav, .skip-link, .filters, .site-footer { display: none; } a::after { content: " (" attr(href) ")"; } }
        .pagination ul { list-style: none; padding: 0; margin: 1.5rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
        .pagination a { display: inline-block; min-width: 44px; min-height: 44px; padding: 0.6rem 0.75rem; text-align: center; }
        .pagination a[aria-current="page"] { font-weight: 700; color: #ffffff; background: #12355b; text-decoration: none; }
        .pagination-gap { padding: 0 0.25rem; }
        .listing-language { display: inline-block; margin: 0 0 0.5rem; padding: 0.1rem 0.5rem; border: 2px solid #00703c; font-weight: 700; }
        .card .other-language { margin: -0.25rem 0 0.5rem; color: #484949; }
        section.other-language { border-top: 2px solid #b1b4b6; margin-top: 2rem; }

        """;
}
