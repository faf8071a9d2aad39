namespace CoproWeek.Hub.Site;

/// <summary>
/// The one stylesheet, written by the publisher to <c>assets/site.css</c> and sent with every page, so it is kept small
/// (under 12 KB raw). Every size is a step of the spacing or type scale; colours meet WCAG AA (most meet AAA); focus is a
/// thick yellow-and-black outline; tap targets are at least 44px; nothing is wider than a 320px screen.
/// Site/DESIGN.md lists the components and when to use them.
/// </summary>
public static class SiteCss
{
    public const string ContentType = "text/css; charset=utf-8";

    // Line breaks are there to read the source; a browser needs none of them.
    private static readonly string Minified = Css.ReplaceLineEndings("");

    public static string Content() => Minified;

    private const string Css = Scales + Base + Layout + HeaderAndFooter + Lists + Forms + Tables + Moderation + Focus + Media;

    // The spacing scale is --s1 to --s9 (short, as it is used everywhere). Sizes from --s5 and --font-s up step up on screens 40rem and wider; --measure keeps prose to a readable line.
    private const string Scales = """
        :root{--s1:.25rem;--s2:.5rem;--s3:.75rem;--s4:1rem;--s5:1.25rem;--s6:1.5rem;--s7:2rem;--s8:2.5rem;--s9:3rem;--font-s:.875rem;--font-m:1rem;--font-l:1.125rem;--font-xl:1.375rem;--font-xxl:2rem;--measure:44rem}
        @media (min-width: 40rem){:root{--s5:1.5rem;--s6:2rem;--s7:2.5rem;--s8:3rem;--s9:4rem;--font-s:1rem;--font-m:1.1875rem;--font-l:1.5rem;--font-xl:2rem;--font-xxl:3rem}}

        """;

    private const string Base = $$"""
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:var(--font-m);line-height:1.5;color:#0b0c0c;background:#fff;overflow-wrap:anywhere}
        h1,h2,h3,h4{line-height:1.2;margin:var(--s7) 0 var(--s4)}
        h1{font-size:var(--font-xxl);margin:0 0 var(--s6)}
        h2{font-size:var(--font-xl)}
        h3{font-size:var(--font-l);margin:var(--s6) 0 var(--s3)}
        p,ul,ol,dl,blockquote{margin:0 0 var(--s4)}
        p,li,dd,blockquote{max-width:70ch}
        dd{margin:0}
        .lede,.theme,.easy-read{font-size:var(--font-l)}
        figcaption{font-size:var(--font-s)}
        a{color:#1d4f91;text-decoration-thickness:.08em;text-underline-offset:.15em}
        a:visited{color:#4c2c92}
        a:hover{color:#0b0c0c;text-decoration-thickness:.2em}
        mark{background:{{Brand.Yellow}};color:#0b0c0c;padding:0 2px}
        .skip-link{position:absolute;left:-9999px;top:0;padding:var(--s3) var(--s4);background:{{Brand.Yellow}};color:#0b0c0c;z-index:10}
        .skip-link:focus{left:0}
        .visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:-1px!important;padding:0!important;overflow:hidden!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
        img,picture,svg{max-width:100%;height:auto}
        picture{display:block}
        figure{margin:0 0 var(--s6)}
        figcaption{color:#484949;margin-top:var(--s2)}
        .story pre,.story table{overflow-x:auto}
        .story table{display:block}
        .story th,.story td{border:1px solid #b1b4b6;padding:var(--s1) var(--s2)}

        """;

    // The header's padding is inline (.wrap) and main's is block, so neither can undo the other: the space under the header stays.
    private const string Layout = """
        .wrap{max-width:60rem;margin-inline:auto;padding-inline:var(--s4)}
        main{display:block;padding-block:var(--s7) var(--s9)}
        main:focus{outline:none}
        main>:where(h1,p,ul:not([class]),ol,dl,article,form,fieldset,section:not(.region-map,.chart-section),.error-summary,.notice,.filters,.easy-read){max-width:var(--measure)}
        .finder{max-width:none}
        .grid{display:grid;gap:0 var(--s7)}
        .grid>*{min-width:0}
        .site-nav,.footer-links,.pagination ul,.tags,.filters ul,.queue-counts,.event-list,.card-grid,.error-summary ul{list-style:none;padding:0}
        .site-header .wrap,.site-nav,.footer-links,.pagination ul,.tags,.filters ul,.queue-counts{display:flex;flex-wrap:wrap}
        .event-list,.card-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:var(--s4) var(--s6)}

        """;

    private const string HeaderAndFooter = $$"""
        .site-header{background:{{Brand.Navy}};color:#fff;padding:var(--s2) 0;border-bottom:6px solid {{Brand.Yellow}}}
        .site-header .wrap{align-items:center;gap:0 var(--s6)}
        .site-header a,.site-header a:visited{color:#fff}
        .site-name{display:inline-flex;align-items:center;gap:var(--s2);font-size:var(--font-l);font-weight:700;text-decoration:none;padding:var(--s2) 0;min-height:44px;margin-right:auto}
        .site-name .mark{flex:none}
        a.language-link,.language-link a,.site-nav a,.footer-links a,.filters li a,.calendar-links a,.subscribe-calendar a,.region-list a{display:inline-block;padding:var(--s2) 0;min-height:44px}
        .language-link{order:1;margin:0;font-size:var(--font-s)}
        .site-header nav{order:2;flex-basis:100%}
        .site-nav{margin:0;gap:0 var(--s5)}
        .site-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:.2em}
        .site-footer{background:#f3f2f1;border-top:1px solid #b1b4b6;padding:var(--s7) 0;font-size:var(--font-s)}
        .footer-links{gap:0 var(--s6)}
        .pagination{margin:var(--s7) 0}
        .pagination ul{align-items:center;gap:var(--s2) var(--s4)}
        .pagination a{display:inline-block;min-width:44px;min-height:44px;padding:var(--s2) var(--s3);border:2px solid transparent;text-align:center;font-weight:700}
        .pagination a[aria-current=page]{background:{{Brand.Navy}};color:#fff;text-decoration:none}
        .pagination [rel=prev]::before{content:"\2190\a0"/""}
        .pagination [rel=next]::after{content:"\a0\2192"/""}

        """;

    private const string Lists = $$"""
        .card{border:1px solid #505a5f;border-left:6px solid {{Brand.Navy}};padding:var(--s4);margin:0}
        .card h2,.card h3,.error-summary h2{font-size:var(--font-l);margin:0 0 var(--s2)}
        .card>:last-child{margin-bottom:0}
        .pagination-gap{padding:0 var(--s1)}
        .listing-language{display:inline-block;margin:0 0 var(--s2);padding:0 var(--s2);border:2px solid #00703c;font-weight:700}
        .card .other-language{margin:0 0 var(--s2);color:#484949}
        section.other-language{border-top:2px solid #b1b4b6;margin-top:var(--s7)}
        .card dl{display:grid;grid-template-columns:max-content 1fr;gap:var(--s1) var(--s3);margin:0}
        .card dt,.facts dt,.count,.week-dates,.story-kind{font-weight:700}
        .card-with-picture{display:flow-root}
        .thumbnail{margin:0 0 var(--s3)}
        .thumbnail img{display:block;width:100%}
        .tags{gap:var(--s2)}
        .tags li{border:2px solid #505a5f;padding:var(--s1) var(--s2)}
        .tags li:has(a){border:0;padding:0}
        .tags a{display:inline-block;padding:var(--s1) var(--s3);border:2px solid;font-weight:700}
        .story-kind{display:inline-block;margin:0 0 var(--s2);padding:0 var(--s2);border:2px solid {{Brand.Navy}}}
        .facts{margin:0 0 var(--s6)}
        .facts dt{margin-top:var(--s3)}
        .checklist li{margin-bottom:var(--s1)}
        .supporter img{display:block;margin:0 0 var(--s3)}
        .summary-list{margin:0 0 var(--s6)}
        .summary-list>div{display:contents}
        .summary-list dt{font-weight:700;padding-top:var(--s3)}
        .summary-list dd{padding-bottom:var(--s3);border-bottom:1px solid #b1b4b6}
        .calendar-links,.subscribe-calendar ul{padding-left:var(--s5)}
        .easy-read{border-left:8px solid #00703c;background:#f3f2f1;padding:var(--s4);margin:0 0 var(--s6)}
        .notice{border:3px solid {{Brand.Navy}};padding:var(--s4);margin:0 0 var(--s6)}
        .easy-read h2,.finder h2{margin-top:0}
        .filters{border:1px solid #b1b4b6;padding:0 var(--s4);margin:0 0 var(--s6)}
        .filters>details{border-bottom:1px solid #b1b4b6}
        .filters>details:last-child{border-bottom:0}
        .filters summary{cursor:pointer;padding:var(--s3) 0;min-height:44px;font-weight:700}
        .filters ul{gap:var(--s1) var(--s4)}
        .filters a[aria-current=page]{font-weight:700;color:#0b0c0c;text-decoration:none;border-bottom:4px solid {{Brand.Navy}}}
        .finder{border:1px solid #b1b4b6;border-top:6px solid {{Brand.Navy}};padding:var(--s4);margin:0 0 var(--s6)}
        .finder .field{margin-bottom:var(--s4)}
        .region-map{margin-bottom:var(--s7)}
        .region-map-layout{display:grid;gap:var(--s4)}
        .tile-map{width:100%;max-width:29rem}
        .tile-map a:hover rect{stroke-width:3}
        .region-list{columns:2 12rem;padding-left:var(--s5)}
        .report-link{margin-top:var(--s7)}

        """;

    // One pattern for every form. Radios and checkboxes are drawn with borders, which forced-colours modes keep, over a
    // transparent native input that stays the 44px target and carries the state for assistive technology.
    private const string Forms = $$"""
        .field,fieldset{margin:0 0 var(--s6)}
        .field-error{border-left:5px solid #b3261e;padding-left:var(--s3)}
        label,legend{display:block;font-weight:700;margin-bottom:var(--s1)}
        fieldset{border:0;padding:0;min-width:0}
        legend{font-size:var(--font-l);padding:0;margin-bottom:var(--s2)}
        .legend-l{font-size:var(--font-xl)}
        .legend-xl{font-size:var(--font-xxl)}
        legend h1,legend h2{font-size:inherit;margin:0}
        .hint{display:block;color:#484949;margin:0 0 var(--s2);font-weight:400}
        .error-message{display:block;color:#b3261e;font-weight:700;margin:0 0 var(--s2)}
        .required{font-weight:400}
        :where(input:not([type=checkbox],[type=radio],[type=file],[type=hidden]),select,textarea){display:block;width:100%;max-width:36rem;font:inherit;padding:var(--s2);min-height:44px;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}
        input[type=file]{font:inherit;max-width:100%;padding:var(--s1) 0}
        textarea{min-height:8rem}
        [aria-invalid=true]{border-color:#b3261e;border-width:3px}
        .choice{position:relative;display:block;min-height:44px;padding-left:54px;margin:0 0 var(--s2)}
        .choice input{position:absolute;z-index:1;top:0;left:0;width:44px;height:44px;margin:0;opacity:0;cursor:pointer}
        .choice label{display:inline-block;font-weight:400;margin:0;padding:var(--s2) 0 var(--s1);cursor:pointer}
        .choice label::before,.choice label::after{content:"";position:absolute}
        .choice label::before{top:2px;left:2px;width:40px;height:40px;border:2px solid}
        .choice [type=radio]+label::before{border-radius:50%}
        .choice label::after{opacity:0}
        .choice [type=checkbox]+label::after{top:13px;left:10px;width:23px;height:12px;transform:rotate(-45deg);border:solid;border-width:0 0 5px 5px;border-top-color:transparent}
        .choice [type=radio]+label::after{top:12px;left:12px;border:10px solid;border-radius:50%}
        .choice :checked+label::after{opacity:1}
        .choice [aria-invalid=true]+label::before{border-color:#b3261e}
        .choice input:focus+label::before{border-width:4px;outline:3px solid transparent;outline-offset:1px;box-shadow:0 0 0 3px {{Brand.Yellow}}}
        label>[type=checkbox],label>[type=radio]{width:1.75rem;height:1.75rem;margin:0 var(--s2) 0 0;vertical-align:middle;accent-color:{{Brand.Navy}}}
        .button,button{display:inline-block;font:inherit;font-weight:700;line-height:1.2;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;padding:var(--s2) var(--s3);min-height:44px;cursor:pointer;text-decoration:none;text-align:center;margin:0 0 var(--s4)}
        .button:visited{color:#fff}
        .button:hover,button:hover{background:#005a30;color:#fff}
        .button:active,button:active{position:relative;top:2px;box-shadow:none}
        .button-secondary,.button-secondary:visited{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
        .button-secondary:hover{background:#dbdad9;color:#0b0c0c}
        .button-warning{background:#b3261e;box-shadow:0 2px 0 #55150f}
        .button-warning:hover{background:#8c1d17}
        .link-button{display:inline;background:none;border:0;box-shadow:none;color:#1d4f91;font-weight:400;text-decoration:underline;padding:var(--s2) 0;margin:0}
        .link-button:hover{background:none;color:#0b0c0c}
        .error-summary{border:5px solid #b3261e;padding:var(--s4);margin:0 0 var(--s7)}
        .error-summary:focus{outline:3px solid {{Brand.Yellow}}}
        .error-summary ul{margin:0}
        .error-summary a{color:#b3261e;font-weight:700}

        """;

    private const string Tables = """
        table{border-collapse:collapse}
        .table,.queue,.stats-table{width:100%;margin:0 0 var(--s6)}
        caption{text-align:left;font-weight:700;padding:0 0 var(--s2)}
        th,td{text-align:left;vertical-align:top;padding:var(--s2) var(--s4) var(--s2) 0;border-bottom:1px solid #b1b4b6}
        .stats-table tbody th{font-weight:400}
        .number{text-align:right;font-variant-numeric:tabular-nums}

        """;

    private const string Moderation = """
        .queue-counts{gap:var(--s2) var(--s6)}
        .queue{overflow-wrap:normal}
        .queue td:first-child{overflow-wrap:anywhere}
        .preview{border:3px dashed #b1b4b6;padding:0 var(--s4);margin:0 0 var(--s6)}
        .chart-pair{display:grid;gap:var(--s4);margin:0 0 var(--s7)}
        .chart{width:100%;max-width:30rem}

        """;

    // Last of the rules, so a focused link or button is yellow and black whatever colours its component gave it.
    private const string Focus = $$"""
        a:focus-visible,.button:focus-visible,button:focus-visible,summary:focus-visible,.site-header a:focus-visible{outline:3px solid {{Brand.Yellow}};outline-offset:0;background-color:{{Brand.Yellow}};color:#0b0c0c;box-shadow:0 4px #0b0c0c;text-decoration:none}
        input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid {{Brand.Yellow}};outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}

        """;

    private const string Media = """
        @media (max-width: 29.99rem){.tile-map{display:none}}
        @media (max-width: 40rem){.queue thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}.queue,.queue tbody,.queue tr,.queue td{display:block}.queue tr{border-bottom:1px solid #b1b4b6;padding:var(--s2) 0}.queue td{border:0;padding:var(--s1) 0}.queue td[data-label]::before{content:attr(data-label) ": ";font-weight:700}}
        @media (min-width: 40rem){.wrap{padding-inline:var(--s6)}.card-grid{grid-template-columns:repeat(2,minmax(0,1fr))}.event-list .thumbnail{float:right;width:12rem;margin:0 0 var(--s2) var(--s4)}
        .finder-fields,.finder-choices{display:grid;grid-template-columns:1fr 1fr;gap:0 var(--s4)}.finder-fields .field:first-child{grid-column:1/-1}
        .summary-list{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr)}.summary-list dt,.summary-list dd{padding:var(--s3) var(--s4) var(--s3) 0;border-bottom:1px solid #b1b4b6}}
        @media (min-width: 64rem){.grid{grid-template-columns:repeat(3,minmax(0,1fr))}.col-two-thirds{grid-column:span 2}.col-one-third{grid-column:span 1}.col-full{grid-column:1/-1}.card-grid{grid-template-columns:repeat(3,minmax(0,1fr))}.event-list{grid-template-columns:repeat(2,minmax(0,1fr))}.event-list .thumbnail{float:none;width:auto;margin:0 0 var(--s3)}
        .site-header nav{order:0;flex-basis:auto}.region-map-layout{grid-template-columns:29rem 1fr;align-items:start}}
        @media (min-width: 80rem){.wrap{max-width:75rem}.event-list{grid-template-columns:repeat(3,minmax(0,1fr))}}
        @media (prefers-reduced-motion: reduce){*{transition:none!important;animation:none!important;scroll-behavior:auto!important}}
        @media print{.site-header,.skip-link,.filters,.finder,.pagination,.site-footer,.button,button{display:none}.wrap{max-width:none}main a[href^=http]::after{content:" (" attr(href) ")"}}

        """;
}
