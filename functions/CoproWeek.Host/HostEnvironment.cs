namespace CoproWeek.Host;

/// <summary>
/// Which environment the self-host runs in. An explicit choice always wins: <c>--environment</c>, then
/// <c>ASPNETCORE_ENVIRONMENT</c>, then <c>DOTNET_ENVIRONMENT</c>, as ASP.NET Core reads them. Only when none is
/// given does <c>COPROWEEK_DEFAULT_ENVIRONMENT</c> count: the launch profile sets it to Development, so a plain
/// <c>dotnet run</c> is Development for a newcomer, while a launch profile can no longer override an operator's
/// <c>ASPNETCORE_ENVIRONMENT=Production</c> (<c>dotnet run</c> applies a profile's variables over the process's own).
/// Without the launch profile (a published host, a container) the default is ASP.NET Core's, Production.
/// </summary>
public static class HostEnvironment
{
    public const string DefaultVariable = "COPROWEEK_DEFAULT_ENVIRONMENT";

    /// <summary>The environment to impose on the builder, or null to let ASP.NET Core choose as usual.</summary>
    public static string? Default(string[] args, Func<string, string?> variable)
    {
        var explicitChoice = new ConfigurationBuilder().AddCommandLine(args).Build()[HostDefaults.EnvironmentKey]
            ?? variable("ASPNETCORE_ENVIRONMENT") ?? variable("DOTNET_ENVIRONMENT");
        return string.IsNullOrWhiteSpace(explicitChoice) && variable(DefaultVariable) is { Length: > 0 } fallback ? fallback.Trim() : null;
    }
}
