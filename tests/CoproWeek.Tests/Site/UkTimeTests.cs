using CoproWeek.Hub.Site;

namespace CoproWeek.Tests.Site;

public sealed class UkTimeTests
{
    [Theory]
    // Summer (BST, UTC+1): the organiser's offset may be anything; the page says UK time.
    [InlineData("2027-07-05T09:00:00+00:00", "2027-07-05T11:30:00+00:00", "Monday 5 July 2027, 10am to 12:30pm")]
    [InlineData("2027-07-05T10:00:00+01:00", "2027-07-05T12:30:00+01:00", "Monday 5 July 2027, 10am to 12:30pm")]
    // Winter (GMT, UTC+0).
    [InlineData("2027-01-11T18:00:00+00:00", "2027-01-11T19:45:00+00:00", "Monday 11 January 2027, 6pm to 7:45pm")]
    [InlineData("2027-01-11T19:00:00+01:00", "2027-01-11T20:45:00+01:00", "Monday 11 January 2027, 6pm to 7:45pm")]
    // Midday and midnight are words.
    [InlineData("2027-07-07T12:00:00+01:00", "2027-07-07T12:30:00+01:00", "Wednesday 7 July 2027, midday to 12:30pm")]
    [InlineData("2027-07-07T23:00:00+01:00", "2027-07-08T00:00:00+01:00", "Wednesday 7 July 2027, 11pm to Thursday 8 July 2027, midnight")]
    [InlineData("2027-07-07T00:30:00+01:00", "2027-07-07T01:00:00+01:00", "Wednesday 7 July 2027, 12:30am to 1am")]
    // Several days: both dates.
    [InlineData("2027-07-05T09:30:00+01:00", "2027-07-09T16:00:00+01:00", "Monday 5 July 2027, 9:30am to Friday 9 July 2027, 4pm")]
    // Late evening UTC is already the next day in the UK in summer.
    [InlineData("2027-07-05T23:30:00+00:00", "2027-07-06T01:00:00+00:00", "Tuesday 6 July 2027, 12:30am to 2am")]
    public void Times_are_said_in_UK_time_as_people_say_them(string start, string end, string expected) =>
        Assert.Equal(expected, UkTime.Range(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end)));

    [Fact]
    public void Iso_dates_carry_the_UK_offset_of_that_day()
    {
        Assert.Equal("2027-07-05T10:00:00+01:00", UkTime.Iso(new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2027-12-01T09:00:00+00:00", UkTime.Iso(new DateTimeOffset(2027, 12, 1, 10, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void A_form_time_without_an_offset_is_taken_as_UK_time()
    {
        Assert.Equal(new DateTimeOffset(2027, 7, 5, 10, 0, 0, TimeSpan.FromHours(1)), UkTime.FromUkLocal(new DateTime(2027, 7, 5, 10, 0, 0)));
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero), UkTime.FromUkLocal(new DateTime(2027, 1, 5, 10, 0, 0)));
        Assert.Equal("2027-07-05T10:00", UkTime.LocalInput(new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_week_is_seven_days_in_words() =>
        Assert.Equal("Monday 5 July to Sunday 11 July 2027", UkTime.Week(new DateOnly(2027, 7, 5)));
}
