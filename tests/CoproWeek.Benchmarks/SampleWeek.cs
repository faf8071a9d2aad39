using CoproWeek.Hub;
using CoproWeek.Hub.Events;
using CoproWeek.Hub.Posts;

namespace CoproWeek.Benchmarks;

/// <summary>
/// A week as organisers and authors would fill it: events spread over every region, format, access need, topic and day,
/// a quarter of them paid, with titles, summaries and descriptions of the lengths people really write (some short, some
/// long, a few in Welsh), and stories in Markdown. The same seed gives the same week. Shared by the rebuild benchmark
/// and the browser tests' realistic site.
/// </summary>
public static class SampleWeek
{
    private static readonly string[] Subjects =
    [
        "Co-producing mental health services", "Carers' coffee morning", "Housing panel with tenants", "Peer support network open day",
        "Designing the new youth service together", "Gŵyl cydgynhyrchu", "Dementia-friendly walk and talk", "Research ideas café",
        "Community pantry planning meeting", "Recovery college taster session", "Advocacy drop-in", "Social prescribing roundtable",
        "Budget-setting with residents", "Children and families forum", "Accessible transport listening event",
        "Lived experience leadership: what good co-production looks like when everyone is paid for their time and expertise",
    ];

    private static readonly string[] Places = ["Leeds", "Cardiff", "Abertawe", "Belfast", "Glasgow", "Newcastle", "Bristol", "Norwich", "Derby", "Brighton", "Hackney", "Wolverhampton", "Inverness"];

    private static readonly string[] Sentences =
    [
        "People who use services and the staff who run them plan together, as equals.",
        "Everyone is welcome, whether or not you have been to one of our sessions before.",
        "We will share what people told us last year and agree what to change next.",
        "Tea, coffee and a light lunch are provided; tell us about any dietary needs.",
        "Our peer researchers will present what they found in plain words, then we will talk in small groups.",
        "Bring your questions, your ideas and your frustrations: all of them help.",
        "The session is planned and led by members of our lived experience panel, who are paid for their time.",
        "Byddwn yn siarad Cymraeg a Saesneg; croeso i bawb.",
        "If you need anything to take part, such as a quiet space or a support worker, tell us when you book.",
        "Travel expenses are paid on the day, in cash or by bank transfer, whichever suits you.",
    ];

    private static readonly string[] Costs = ["£5, free for people with lived experience", "£12.50", "£3 suggested donation", "£25 for professionals, free for everyone else"];

    /// <summary><paramref name="count"/> published events in the week of 5 to 11 July of <paramref name="year"/>.</summary>
    public static IReadOnlyList<PublishedEvent> Events(int count, int year, int seed = 15)
    {
        var random = new Random(seed);
        var published = new DateTimeOffset(year, 6, 1, 9, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var id = Guid.NewGuid().ToString("N");
            var format = Vocabulary.Formats[i % Vocabulary.Formats.Count].Id;
            var place = Pick(random, Places);
            var start = new DateTimeOffset(year, 7, 5 + random.Next(7), 9 + random.Next(10), 30 * random.Next(2), 0, TimeSpan.FromHours(1));
            var title = random.Next(6) == 0 ? Pick(random, Subjects) : $"{Pick(random, Subjects)} in {place}";
            var details = new EventDetails
            {
                Title = title,
                Summary = Paragraph(random, 1 + random.Next(3)),
                Description = string.Join("\n\n", Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Paragraph(random, 2 + random.Next(4)))),
                EasyRead = random.Next(3) == 0 ? "A meeting to plan services together. You can say what you think. We pay for your travel." : null,
                Organiser = new Organiser { Name = $"{place} {Pick(random, ["Peer Network", "Carers Together", "Rhwydwaith Cymheiriaid", "Health Partnership", "Tenants' Forum"])}", Website = random.Next(2) == 0 ? "https://example.org/" : null },
                Contact = new Contact(),
                Start = start,
                End = start.AddHours(1 + random.Next(4)),
                Format = format,
                Venue = format == "online" ? null : new Venue { Name = $"{place} Central Library", Address = "1 High Street, " + place, Postcode = "AB1 2CD" },
                Online = format == "in-person" ? null : new OnlineDetails { JoiningInfo = "We email the link the day before." },
                Region = Vocabulary.Regions[(i + random.Next(3)) % Vocabulary.Regions.Count].Id,
                Topics = Vocabulary.Topics.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(t => t.Id).ToArray(),
                Cost = random.Next(4) == 0 ? Pick(random, Costs) : "free",
                BookingUrl = random.Next(2) == 0 ? $"https://tickets.example/{id[..8]}" : null,
                Coproduction = new Coproduction { LivedExperienceInvolvement = random.Next(2) == 0 ? Paragraph(random, 2) : null, ParticipantsPaid = random.Next(2) == 0, ExpensesCovered = random.Next(3) > 0 },
                Access = new Access
                {
                    StepFree = random.Next(3) > 0, Bsl = random.Next(4) == 0, HearingLoop = random.Next(4) == 0, Captions = format != "in-person" && random.Next(2) == 0,
                    EasyReadMaterials = random.Next(3) == 0, QuietSpace = random.Next(3) == 0, AccessibleToilets = random.Next(2) == 0,
                    Notes = random.Next(5) == 0 ? "The lift is at the back of the building; ring the bell and we will come down." : null,
                },
            };
            return new PublishedEvent(id, Slugs.For(title, id), 1, details, published.AddMinutes(i));
        }).ToList();
    }

    /// <summary>A story's Markdown: a few sections of a few paragraphs, headings from <c>##</c>.</summary>
    public static string StoryMarkdown(Random random, int sections) =>
        string.Join("\n\n", Enumerable.Range(0, sections).Select(s => $"## {Pick(random, Subjects)}\n\n{Paragraph(random, 3 + random.Next(4))}\n\n{Paragraph(random, 2 + random.Next(3))}"));

    /// <summary><paramref name="count"/> published stories without pictures, with their bodies as the publisher keeps them (safe HTML).</summary>
    public static IReadOnlyList<(PublishedPost Story, string Body)> Stories(int count, int year, int seed = 15)
    {
        var random = new Random(seed);
        var published = new DateTimeOffset(year, 6, 1, 9, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var id = Guid.NewGuid().ToString("N");
            var title = $"What we learned: {Pick(random, Subjects)}";
            var markdown = StoryMarkdown(random, 2 + random.Next(4));
            var post = new PublicPost
            {
                Title = title, AuthorName = "Sam Example", Organisation = $"{Pick(random, Places)} Carers Group", Kind = Pick(random, StoryKinds.All).Id,
                Summary = PostBodyRenderer.Summary(markdown), Tags = [Pick(random, Vocabulary.Topics).Id],
            };
            return (new PublishedPost(id, Slugs.For(title, id), 1, post, published.AddHours(i)), PostBodyRenderer.ToHtml(markdown, []));
        }).ToList();
    }

    private static string Paragraph(Random random, int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Pick(random, Sentences)));

    private static T Pick<T>(Random random, IReadOnlyList<T> list) => list[random.Next(list.Count)];
}
