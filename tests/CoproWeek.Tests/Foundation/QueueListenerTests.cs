using System.Collections.Concurrent;
using CoproWeek.Host.Queues;
using CoproWeek.Hub.Runtime;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoproWeek.Tests.Foundation;

public sealed class QueueListenerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly QueueListenerOptions Options = new()
    {
        BatchSize = 4,
        MaxDequeueCount = 3,
        VisibilityTimeout = TimeSpan.Zero,
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        MessageLease = TimeSpan.FromSeconds(4),
    };

    private static QueueListener Listener(HubStorage storage, FunctionCatalog.QueueInvoker invoke, QueueListenerOptions? options = null) => new(
        "TestFunction",
        storage.Queue("email"),
        storage.Queue("email-poison"),
        invoke,
        options ?? Options,
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(),
        new QueueActivity(),
        "email",
        TimeProvider.System,
        NullLogger.Instance);

    [Fact]
    public async Task A_message_that_succeeds_is_handled_once_and_deleted()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var seen = new ConcurrentBag<string>();
        await storage.Queue("email").SendMessageAsync("{\"n\":1}");

        using var stop = new CancellationTokenSource();
        var listener = Listener(storage, (_, body, _) => { seen.Add(body.ToString()); return Task.CompletedTask; });
        var run = listener.RunAsync(stop.Token);
        await listener.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run;

        Assert.Equal(["{\"n\":1}"], seen);
        // The count includes messages leased and not yet due again: nothing is left to come back.
        Assert.Equal(0, (await storage.Queue("email").GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Null((await storage.Queue("email").PeekMessageAsync()).Value);
        Assert.Null((await storage.Queue("email-poison").PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_message_that_always_fails_is_tried_maxDequeueCount_times_then_sits_in_poison_unchanged()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var attempts = 0;
        const string body = "{\"to\":\"someone\",\"text\":\"Croeso – 🎉\"}";
        await storage.Queue("email").SendMessageAsync(body);

        using var stop = new CancellationTokenSource();
        var run = Listener(storage, (_, _, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("always fails");
        }).RunAsync(stop.Token);
        var poisoned = await Eventually.GetAsync(async () => (await storage.Queue("email-poison").PeekMessageAsync()).Value, "the message to reach the poison queue");
        await stop.CancelAsync();
        await run;

        Assert.Equal(Options.MaxDequeueCount, attempts);
        Assert.Equal(body, poisoned.Body.ToString());
        Assert.Null((await storage.Queue("email").PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task A_failed_message_is_retried_and_deleted_when_a_later_attempt_succeeds()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var attempts = 0;
        await storage.Queue("email").SendMessageAsync("{}");

        using var stop = new CancellationTokenSource();
        var listener = Listener(storage, (_, _, _) =>
            Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask);
        var run = listener.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref attempts) >= 2), "a second attempt");
        await listener.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run;

        Assert.Equal(2, attempts);
        Assert.Equal(0, (await storage.Queue("email").GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Null((await storage.Queue("email-poison").PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task The_listener_is_idle_only_once_the_message_in_hand_is_finished_and_deleted()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        await storage.Queue("email").SendMessageAsync("{}");

        using var stop = new CancellationTokenSource();
        var listener = Listener(storage, async (_, _, _) =>
        {
            started.TrySetResult();
            await release.Task;
            Volatile.Write(ref finished, true);
        });
        var run = listener.RunAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var idle = listener.WhenIdleAsync();
        var beforeRelease = idle.IsCompleted;
        release.SetResult();
        await idle.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await run;

        Assert.False(beforeRelease);
        Assert.True(Volatile.Read(ref finished));
        Assert.Equal(0, (await storage.Queue("email").GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_handler_that_outlives_the_lease_keeps_its_message_invisible()
    {
        var storage = await TestStorage.CreateAsync(azurite);
        var starts = 0;
        await storage.Queue("email").SendMessageAsync("{}");
        var options = new QueueListenerOptions { BatchSize = 1, MaxDequeueCount = 3, MessageLease = TimeSpan.FromSeconds(2), MaxPollingInterval = TimeSpan.FromMilliseconds(200) };

        using var stop = new CancellationTokenSource();
        var run = Listener(storage, async (_, _, ct) =>
        {
            Interlocked.Increment(ref starts);
            await Task.Delay(TimeSpan.FromSeconds(5), ct); // two and a half leases
        }, options).RunAsync(stop.Token);
        await Eventually.TrueAsync(async () => Volatile.Read(ref starts) == 1 && (await storage.Queue("email").GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the slow handler to finish", TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run;

        Assert.Equal(1, starts);
    }
}
