using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("CoproWeek.Tests.Infrastructure.LongRunningFirst", "CoproWeek.Tests")]

namespace CoproWeek.Tests.Infrastructure;

/// <summary>Marks a test class that takes long (many hosts, thousands of rows, a process that waits out a timeout).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>
/// Starts the long-running classes first: test classes run a few at a time, and a long class started last would run
/// on alone at the end of the run. Otherwise the order is by name, so runs are alike.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(IsLongRunning).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    // A class's own collection is named after it; a shared collection counts as long-running if its definition says so.
    private static bool IsLongRunning(ITestCollection collection)
    {
        var name = collection.CollectionDefinition?.Name ?? collection.DisplayName.Split(' ')[^1];
        return typeof(LongRunningFirst).Assembly.GetType(name)?.IsDefined(typeof(LongRunningAttribute), inherit: false) == true
            || collection.CollectionDefinition?.ToRuntimeType()?.IsDefined(typeof(LongRunningAttribute), inherit: false) == true;
    }
}
