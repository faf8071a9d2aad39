namespace CoproWeek.Benchmarks;

/// <summary>Prints a benchmark's figures as a plain table.</summary>
public static class Report
{
    public static void Table(string title, IReadOnlyList<(string Figure, string Value)> rows)
    {
        var width = Math.Max(6, rows.Max(r => r.Figure.Length));
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine($"| {"figure".PadRight(width)} | value |");
        Console.WriteLine($"| {new string('-', width)} | ----- |");
        foreach (var (figure, value) in rows)
        {
            Console.WriteLine($"| {figure.PadRight(width)} | {value} |");
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
