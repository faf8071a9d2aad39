using CoproWeek.Hub;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Publishing;
using CoproWeek.Hub.Submissions;
using Microsoft.Azure.Functions.Worker;

namespace CoproWeek.Functions;

public sealed class PublishingFunctions(ModerateSubmission moderate, PublishItem publish, RebuildIndexes rebuild)
{
    [Function(nameof(Triggers.ModerateSubmission))]
    public Task ModerateSubmission([QueueTrigger(Triggers.Queues.Moderation)] SubmissionMessage message, CancellationToken cancellationToken) =>
        moderate.HandleAsync(message, cancellationToken);

    [Function(nameof(Triggers.PublishItem))]
    public Task PublishItem([QueueTrigger(Triggers.Queues.Publish)] PublishMessage message, CancellationToken cancellationToken) =>
        publish.HandleAsync(message, cancellationToken);

    [Function(nameof(Triggers.RebuildIndexes))]
    public Task RebuildIndexes([QueueTrigger(Triggers.Queues.Indexes)] RebuildMessage message, CancellationToken cancellationToken) =>
        rebuild.HandleAsync(message, cancellationToken);
}
