using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoproWeek.Infra.Tests.Infrastructure;

namespace CoproWeek.Infra.Tests;

/// <summary>
/// Secrets are decided on the Azure side: the template writes none (ARM can only overwrite), and the postprovision
/// hook creates only those the vault lacks. The hook is run here with a stand-in for the Azure CLI.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed partial class SecretsTests(CompiledInfra infra)
{
    private const string HashKey = "subscriptions-address-hash-key";
    private const string ApiKey = "sendgrid-api-key";
    private const string WebhookKey = "sendgrid-webhook-verification-key";

    private static string Hook => Path.Combine(BicepCli.RepoRoot, "infra", "hooks", "ensure-secrets.sh");

    [Fact]
    public void The_template_writes_no_secret_and_takes_none_as_a_parameter()
    {
        Assert.DoesNotContain(infra.Main.AllResources, r => r.Type == "Microsoft.KeyVault/vaults/secrets" && !r.IsExisting);
        Assert.All(infra.Main.AllTemplates, t =>
        {
            if (t.Json.TryGetProperty("parameters", out var parameters))
            {
                Assert.DoesNotContain(parameters.EnumerateObject(), p => p.Value.GetProperty("type").GetString() is "securestring" or "secureObject");
            }
        });
        // newGuid() is the usual way a template makes a key, and it makes a new one on every deployment.
        Assert.DoesNotContain("newGuid", infra.Main.Json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_hook_creates_the_secrets_the_app_settings_reference()
    {
        var names = infra.Main.Json.GetProperty("variables").GetProperty("secretNames").EnumerateObject().Select(p => p.Value.GetString()!).ToList();
        Assert.Equal([ApiKey, WebhookKey, HashKey], names.Order(StringComparer.Ordinal));
        var uris = infra.Main.Module("api").Parameters!.Value.EnumerateObject().Where(p => p.Name.EndsWith("Uri", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, uris.Count);
        Assert.All(uris, u => Assert.Contains("variables('secretNames')", u.Value.GetProperty("value").GetString()));

        foreach (var script in new[] { Hook, Path.ChangeExtension(Hook, ".ps1") })
        {
            var text = File.ReadAllText(script);
            Assert.All(names, n => Assert.Contains(n, text));
        }
    }

    [Fact]
    public async Task On_a_new_vault_the_hook_creates_the_address_hash_key_once_and_writes_no_empty_SendGrid_secret()
    {
        var run = await RunHookAsync(secretsInVault: []);

        Assert.Equal(0, run.ExitCode);
        var put = Assert.Single(run.Puts);
        Assert.Equal(HashKey, put.Name);
        Assert.True(put.Value.Length >= 32, "The address-hash key must be at least 32 characters.");
        Assert.Contains(run.Calls, c => c.Contains("configreferences/appsettings/refresh"));

        var again = await RunHookAsync(secretsInVault: []);
        Assert.NotEqual(put.Value, Assert.Single(again.Puts).Value); // random, not derived from anything guessable
    }

    [Fact]
    public async Task A_secret_that_exists_is_never_written_whatever_azd_holds()
    {
        var run = await RunHookAsync(secretsInVault: [HashKey, ApiKey, WebhookKey], sendGridApiKey: "SG.from-azd", webhookKey: "MFkw-from-azd");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Puts);
        Assert.DoesNotContain(run.Calls, c => c.Contains("refresh"));
        Assert.DoesNotContain("SG.from-azd", run.Output);
    }

    [Fact]
    public async Task SendGrid_keys_azd_holds_are_written_only_while_the_vault_lacks_them()
    {
        var run = await RunHookAsync(secretsInVault: [HashKey, WebhookKey], sendGridApiKey: "SG.from-azd", webhookKey: "MFkw-from-azd");

        Assert.Equal(0, run.ExitCode);
        var put = Assert.Single(run.Puts);
        Assert.Equal((ApiKey, "SG.from-azd"), (put.Name, put.Value));
        Assert.DoesNotContain("SG.from-azd", run.Output);
    }

    [Fact]
    public async Task If_the_vault_cannot_be_asked_the_hook_fails_and_writes_nothing()
    {
        var run = await RunHookAsync(secretsInVault: [], listingFails: true, sendGridApiKey: "SG.from-azd");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Puts);
    }

    private sealed record HookRun(int ExitCode, string Output, List<string> Calls, List<(string Name, string Value)> Puts);

    /// <summary>Runs the hook with an <c>az</c> on its PATH that answers like a vault holding <paramref name="secretsInVault"/> and records every call.</summary>
    private static async Task<HookRun> RunHookAsync(string[] secretsInVault, bool listingFails = false, string? sendGridApiKey = null, string? webhookKey = null)
    {
        var bin = Directory.CreateTempSubdirectory("coproweek-fake-az-");
        try
        {
            var log = Path.Combine(bin.FullName, "calls.log");
            var az = Path.Combine(bin.FullName, "az");
            await File.WriteAllTextAsync(az, """
                #!/bin/sh
                printf 'CALL %s\n' "$*" >> "$FAKE_AZ_LOG"
                case "$*" in
                  *"--method get"*)
                    case "$*" in
                      *nextLink*) echo "" ;;
                      *)
                        if [ -n "${FAKE_AZ_FAIL:-}" ]; then echo "ERROR: (AuthorizationFailed) not allowed" >&2; exit 1; fi
                        for s in $FAKE_AZ_SECRETS; do echo "$s"; done ;;
                    esac ;;
                  *"--method put"*)
                    for a in "$@"; do case "$a" in @*) printf 'BODY %s\n' "$(cat "${a#@}")" >> "$FAKE_AZ_LOG" ;; esac; done ;;
                esac
                """.Replace("\r", ""));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Hook);
            start.Environment["PATH"] = bin.FullName + ":" + Environment.GetEnvironmentVariable("PATH");
            start.Environment["FAKE_AZ_LOG"] = log;
            start.Environment["FAKE_AZ_SECRETS"] = string.Join(' ', secretsInVault);
            start.Environment["FAKE_AZ_FAIL"] = listingFails ? "1" : "";
            start.Environment["AZURE_SUBSCRIPTION_ID"] = "00000000-0000-0000-0000-000000000000";
            start.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
            start.Environment["AZURE_KEY_VAULT_NAME"] = "kv-test";
            start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
            start.Environment["SENDGRID_API_KEY"] = sendGridApiKey ?? "";
            start.Environment["SENDGRID_WEBHOOK_VERIFICATION_KEY"] = webhookKey ?? "";

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            var lines = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
            var calls = lines.Where(l => l.StartsWith("CALL ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
            var putNames = calls.Where(c => c.Contains("--method put")).Select(c => SecretInUrl().Match(c).Groups[1].Value).ToList();
            var putValues = lines.Where(l => l.StartsWith("BODY ", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l[5..]).RootElement.GetProperty("properties").GetProperty("value").GetString()!)
                .ToList();
            Assert.Equal(putNames.Count, putValues.Count);
            return new HookRun(process.ExitCode, await stdout + await stderr, calls, putNames.Zip(putValues).ToList());
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"/secrets/([a-z0-9-]+)\?")]
    private static partial Regex SecretInUrl();
}
