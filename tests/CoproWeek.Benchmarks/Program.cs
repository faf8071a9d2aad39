using System.Reflection;
using CoproWeek.Benchmarks;

// dotnet run -c Release --project tests/CoproWeek.Benchmarks -- <name>
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();

if (args.Length == 0 || benchmarks.All(b => b.Name != args[0]))
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/CoproWeek.Benchmarks -- <name> [options]");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-18} {b.Description}");
    }
    return args.Length == 0 ? 0 : 2;
}

await benchmarks.Single(b => b.Name == args[0]).RunAsync(args[1..]);
return 0;
