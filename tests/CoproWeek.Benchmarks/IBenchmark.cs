namespace CoproWeek.Benchmarks;

/// <summary>One named benchmark: runs against real storage (its own Azurite) and prints a table of figures.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}
