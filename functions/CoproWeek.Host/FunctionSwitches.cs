namespace CoproWeek.Host;

/// <summary>
/// The app setting the Functions host reads to switch a function off, <c>AzureWebJobs.{name}.Disabled</c>,
/// honoured by the self-host for its queue listeners and timers so that one setting means the same on both hosts.
/// An operator uses it to pause, say, digest sending without stopping the site.
/// </summary>
public static class FunctionSwitches
{
    public static string SettingName(string functionName) => $"AzureWebJobs.{functionName}.Disabled";

    /// <summary>
    /// True when the setting says so, under its documented name or the spellings hosts without dots in setting
    /// names use (<c>AzureWebJobs__{name}__Disabled</c>, read by .NET as <c>AzureWebJobs:{name}:Disabled</c>, and
    /// <c>AzureWebJobs_{name}_Disabled</c>).
    /// </summary>
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        new[] { SettingName(functionName), $"AzureWebJobs:{functionName}:Disabled", $"AzureWebJobs_{functionName}_Disabled" }
            .Any(key => configuration[key] is { } value && (value.Trim() == "1" || (bool.TryParse(value.Trim(), out var disabled) && disabled)));

    /// <summary>The triggers of a kind that are switched on, logging once for each one that is off.</summary>
    public static IEnumerable<T> Enabled<T>(IEnumerable<T> triggers, IConfiguration configuration, ILogger logger)
        where T : Hub.TriggerDefinition
    {
        foreach (var trigger in triggers)
        {
            if (IsDisabled(configuration, trigger.Name))
            {
                logger.LogWarning("{Function} is switched off by the setting {Setting}", trigger.Name, SettingName(trigger.Name));
                continue;
            }
            yield return trigger;
        }
    }
}
