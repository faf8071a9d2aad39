namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// A clock a test moves by hand. Only "now" is faked: delays and timers still run in real time, so a whole host
/// (queue polling, timers) keeps working while expiry, claims and throttles see the test's time.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
