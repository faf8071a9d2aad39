using CoproWeek.Hub;
using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Welsh;

public sealed class WelshDateTests
{
    private static readonly DateTimeOffset Monday10am = new(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_date_in_Welsh_names_the_day_and_month_the_Welsh_way() =>
        Assert.Equal("dydd Llun 5 Gorffennaf 2027", UkTime.Date(Monday10am, Language.Welsh));

    [Theory]
    [InlineData(1, "Ionawr")]
    [InlineData(2, "Chwefror")]
    [InlineData(7, "Gorffennaf")]
    [InlineData(12, "Rhagfyr")]
    public void Months_have_their_Welsh_names(int month, string name) => Assert.Equal(name, UkTime.MonthName(month, Language.Welsh));

    [Fact]
    public void Times_say_yb_and_yp_and_midday_in_words()
    {
        Assert.Equal("10yb", UkTime.Time(new TimeOnly(10, 0), Language.Welsh));
        Assert.Equal("2:30yp", UkTime.Time(new TimeOnly(14, 30), Language.Welsh));
        Assert.Equal("canol dydd", UkTime.Time(new TimeOnly(12, 0), Language.Welsh));
        Assert.Equal("hanner nos", UkTime.Time(new TimeOnly(0, 0), Language.Welsh));
    }

    [Fact]
    public void A_range_softens_the_word_after_i()
    {
        Assert.Equal("dydd Llun 5 Gorffennaf 2027, 11yb i ganol dydd", UkTime.Range(Monday10am.AddHours(1), Monday10am.AddHours(2), Language.Welsh));
        Assert.Equal("dydd Llun 5 Gorffennaf 2027, 10yb i ddydd Mawrth 6 Gorffennaf 2027, 4yp",
            UkTime.Range(Monday10am, Monday10am.AddHours(30), Language.Welsh));
        Assert.Equal("dydd Llun 5 Gorffennaf i ddydd Sul 11 Gorffennaf 2027", UkTime.Week(new DateOnly(2027, 7, 5), Language.Welsh));
    }

    [Fact]
    public void English_dates_are_unchanged() =>
        Assert.Equal("Monday 5 July 2027, 10am to midday", UkTime.Range(Monday10am, Monday10am.AddHours(2), Language.English));
}

public sealed class WelshVocabularyTests
{
    [Fact]
    public void Terms_are_named_in_the_readers_language()
    {
        Assert.Equal("Cymru", Vocabulary.NameOf(Vocabulary.Regions, "wales", Language.Welsh));
        Assert.Equal("Wales", Vocabulary.NameOf(Vocabulary.Regions, "wales", Language.English));
        Assert.Equal("Iechyd meddwl", Vocabulary.In(Vocabulary.Topics, Language.Welsh).Single(t => t.Id == "mental-health").Name);
        Assert.All(new[] { Vocabulary.Regions, Vocabulary.Topics, Vocabulary.Formats, Vocabulary.AccessNeeds }.SelectMany(l => Vocabulary.In(l, Language.Welsh)),
            t => Assert.DoesNotContain('.', t.Name));
    }
}

public sealed class ListingTextTests
{
    [Fact]
    public void A_bilingual_listing_shows_the_readers_language_first()
    {
        var details = new CoproWeek.Hub.Events.EventDetails
        {
            Title = "Walk and talk", Summary = "A walk.", Language = ListingLanguage.Bilingual,
            Welsh = new() { Title = "Cerdded a siarad", Summary = "Taith gerdded." },
        };

        Assert.Equal(("Cerdded a siarad", Language.Welsh), (details.TextFor(Language.Welsh).Title, details.TextFor(Language.Welsh).Language));
        Assert.Equal(("Walk and talk", Language.English), (details.TextFor(Language.English).Title, details.TextFor(Language.English).Language));
        Assert.Equal("Walk and talk", details.OtherTextFor(Language.Welsh)!.Title);
        Assert.Null((details with { Language = ListingLanguage.Welsh }).OtherTextFor(Language.English));
        Assert.Equal(Language.Welsh, (details with { Language = ListingLanguage.Welsh }).TextFor(Language.English).Language);
    }
}
