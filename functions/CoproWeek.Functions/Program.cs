using CoproWeek.Hub;
using CoproWeek.Hub.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

// Defaults beneath every other source, so app settings still win. The worker does not read host.json's log
// levels: without this the Azure SDK's expected 404s would be logged as warnings, and AzureSdkLogging would ask
// the SDK to format every storage request for log lines nobody reads.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = [new("Logging:LogLevel:Azure.Core", "Error")],
});

builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<CoproWeek.Functions.UnreadableBodies>();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

builder.Services.AddCoproWeek(builder.Configuration);
builder.Services.AddHostedService<CreateStorageAtStart>();

builder.Build().Run();
