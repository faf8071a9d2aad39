using Azure.Data.Tables;
using CoproWeek.Hub;
using CoproWeek.Hub.Digests;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Security;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Subscriptions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Digests;

/// <summary>
/// The hub's services on Azurite with no host around them, so a test decides exactly when each queue message
/// is taken, handled, deleted or left to be redelivered, as a crashing host would.
/// </summary>
public sealed class DigestHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday = new(2027, 7, 12, 7, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private DigestHarness(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;
    public HubStorage Storage => _services.GetRequiredService<HubStorage>();

    public static async Task<DigestHarness> StartAsync(AzuriteFixture azurite, FakeSendGrid? sendGrid, Action<IServiceCollection>? replace = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = AzuriteFixture.NewPrefix(),
            ["Site:PublicUrl"] = "https://coproweek.example",
            ["Site:ApiUrl"] = "https://hub.coproweek.example",
            ["Subscriptions:AddressHashKey"] = "test-address-hash-key-of-enough-length-0123",
            ["DigestWeeklySchedule"] = "0 0 7 * * 1",
            ["DigestDailySchedule"] = "0 0 7 * * *",
            ["Digests:RetryDelay"] = "00:00:00.050",
            ["SendGrid:MaxRateLimitWait"] = "00:00:02",
        };
        if (sendGrid is not null)
        {
            settings["SendGrid:ApiKey"] = "SG.test-key";
            settings["SendGrid:Host"] = sendGrid.Url;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCoproWeek(configuration);
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var harness = new DigestHarness(provider);
        await harness.Storage.EnsureCreatedAsync(CancellationToken.None);
        return harness;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task PlanWeeklyAsync(DateTimeOffset now) => Get<PlanDigest>().PlanWeeklyAsync(new TimerTick(now, false), CancellationToken.None);

    /// <summary>Items published during the week before <see cref="Monday"/>.</summary>
    public async Task<IReadOnlyList<PublishedItem>> PublishAsync(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => new PublishedItem(
            $"item-{i:D2}", i % 3 == 0 ? "post" : "event", 1, $"Item number {i}", $"What item {i} is about.", $"https://coproweek.example/items/{i}/",
            i % 3 == 0 ? "" : Vocabulary.Regions[i % Vocabulary.Regions.Count].Id,
            [Vocabulary.Topics[i % Vocabulary.Topics.Count].Id],
            Monday.AddDays(-6).AddHours(i), i % 3 == 0 ? null : Monday.AddDays(20).AddHours(i), false)).ToList();
        foreach (var item in items)
        {
            await Get<PublishedItems>().RecordAsync(item, CancellationToken.None);
        }
        return items;
    }

    /// <summary>Puts confirmed subscribers straight into the table, many at once.</summary>
    public async Task SeedAsync(IReadOnlyList<SeededSubscriber> people)
    {
        var table = Storage.Table(HubStorage.TableNames.Subscribers);
        var hasher = Get<AddressHasher>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (p, ct) =>
            await table.AddEntityAsync(new Subscriber
            {
                Id = hasher.Hash(p.Email), Email = p.Email, Status = p.Status, Frequency = p.Frequency,
                Regions = Subscriber.Join(p.Regions), Topics = Subscriber.Join(p.Topics), CreatedAt = Monday.AddDays(-30),
            }.ToEntity(), ct));
    }

    /// <summary>Generated people with a spread of choices: some all-regions, some with a few regions or topics, some daily, some unconfirmed.</summary>
    public static IReadOnlyList<SeededSubscriber> People(int count) =>
        Enumerable.Range(0, count).Select(i => new SeededSubscriber(
            $"reader{i}@example.org",
            i % 10 == 9 ? "daily" : "weekly",
            i % 4 == 0 ? [] : [Vocabulary.Regions[i % 13].Id, Vocabulary.Regions[(i / 13) % 13].Id],
            i % 5 < 2 ? [] : [Vocabulary.Topics[i % 10].Id],
            i % 17 == 16 ? SubscriberStatus.Pending : SubscriberStatus.Active)).ToList();

    public async ValueTask DisposeAsync()
    {
        await Storage.DeleteAllAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}

public sealed record SeededSubscriber(string Email, string Frequency, IReadOnlyList<string> Regions, IReadOnlyList<string> Topics, string Status);
