using CoproWeek.Tests.Infrastructure;

namespace CoproWeek.Tests.Contacts;

public static class EmailQueue
{
    /// <summary>
    /// Waits until the email queue holds nothing, visible or in flight, twice in a row: every email queued so far
    /// has been handled. A positive signal, not a fixed sleep, before checking that nothing more was sent.
    /// </summary>
    public static Task DrainQueuesAsync(this HubFactory hub) =>
        Eventually.TrueAsync(async () =>
        {
            var queue = hub.Storage.Queue(Hub.Triggers.Queues.Email);
            if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
            {
                return false;
            }
            await Task.Delay(200);
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;
        }, "the email queue to empty");
}
