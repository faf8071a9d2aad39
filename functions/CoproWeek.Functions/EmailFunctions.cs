using CoproWeek.Hub;
using CoproWeek.Hub.Email;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class EmailFunctions(SendEmail sendEmail)
{
    [Function(nameof(Triggers.SendEmail))]
    public Task SendEmail(
        [QueueTrigger(Triggers.Queues.Email)] EmailMessage message,
        CancellationToken cancellationToken) =>
        sendEmail.HandleAsync(message, cancellationToken);
}
