using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CoproWeek.Tests.Infrastructure.HubTestFramework", "CoproWeek.Tests")]

namespace CoproWeek.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, plus one thing at the end of the run: the shared Azurite stops once every test class has
/// run, rather than relying on the test process exiting cleanly (a host process killed at the end would leave it behind).
/// </summary>
public sealed class HubTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        // Before the run reports itself finished, so the test host is still waiting for it.
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await AzuriteFixture.StopAsync();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
