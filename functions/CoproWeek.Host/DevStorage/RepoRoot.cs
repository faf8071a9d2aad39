namespace CoproWeek.Host.DevStorage;

/// <summary>Finds the repository's top folder (the one holding package.json and CoproWeek.sln).</summary>
public static class RepoRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "CoproWeek.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
