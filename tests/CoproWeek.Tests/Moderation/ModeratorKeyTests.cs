using System.Net;
using Azure.Data.Tables;
using CoproWeek.Hub.Moderation;
using CoproWeek.Hub.Storage;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoproWeek.Tests.Moderation;

[LongRunning]
public sealed class ModeratorKeyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_moderator_is_added_listed_and_revoked_and_a_revoked_key_stops_working_at_once()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var moderators = hub.Services.GetRequiredService<Moderators>();

        var key = await moderators.AddAsync("Sam Moderator", CancellationToken.None);
        var before = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key));
        var listed = await moderators.ListAsync(CancellationToken.None);
        await moderators.RevokeAsync("sam moderator", CancellationToken.None);
        var after = await client.SendAsync(HeldItems.Request(HttpMethod.Get, "/api/moderation/queue", key));
        var listedAfter = await moderators.ListAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Sam Moderator", Assert.Single(listed).Name);
        Assert.Null(listed[0].Revoked);
        Assert.NotNull(Assert.Single(listedAfter).Revoked);
        Assert.Null(await moderators.VerifyKeyAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_key_has_at_least_128_random_bits_and_only_its_hash_is_stored()
    {
        await using var hub = new HubFactory(azurite);
        var moderators = hub.Services.GetRequiredService<Moderators>();

        var first = await moderators.AddAsync("Alex", CancellationToken.None);
        var second = await moderators.AddAsync("Bo", CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in hub.Storage.Table(HubStorage.TableNames.Moderators).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }
        var stored = string.Join("\n", rows.SelectMany(r => r.Select(kv => kv.Value?.ToString())));
        var secret = first.Split('.')[1];

        Assert.NotEqual(first, second);
        Assert.True(secret.Length >= 22, "a base64url secret of 128 bits or more");
        Assert.DoesNotContain(secret, stored);
        Assert.DoesNotContain(second.Split('.')[1], stored);
        Assert.Equal("Alex", await moderators.VerifyKeyAsync(first, CancellationToken.None));
        Assert.Null(await moderators.VerifyKeyAsync(first[..^1] + (first[^1] == 'A' ? 'B' : 'A'), CancellationToken.None));
    }

    [Fact]
    public async Task The_same_name_cannot_be_added_twice_but_can_be_given_a_new_key_after_revoking()
    {
        await using var hub = new HubFactory(azurite);
        var moderators = hub.Services.GetRequiredService<Moderators>();
        var old = await moderators.AddAsync("Kim", CancellationToken.None);

        var twice = await Assert.ThrowsAsync<ModeratorException>(() => moderators.AddAsync("kim ", CancellationToken.None));
        await moderators.RevokeAsync("Kim", CancellationToken.None);
        var renewed = await moderators.AddAsync("Kim", CancellationToken.None);

        Assert.Contains("already a moderator", twice.Message);
        Assert.Null(await moderators.VerifyKeyAsync(old, CancellationToken.None));
        Assert.Equal("Kim", await moderators.VerifyKeyAsync(renewed, CancellationToken.None));
        await Assert.ThrowsAsync<ModeratorException>(() => moderators.RevokeAsync("Nobody", CancellationToken.None));
    }

    [Fact]
    public async Task The_command_line_adds_lists_and_revokes_moderators_on_the_configured_storage()
    {
        var prefix = AzuriteFixture.NewPrefix();
        string[] Settings() => [$"--AzureWebJobsStorage={azurite.ConnectionString}", $"--Storage:Prefix={prefix}"];

        var added = await ModeratorsCli.RunAsync(["moderators", "add", "Pat Operator-Friend", .. Settings()]);
        var again = await ModeratorsCli.RunAsync(["moderators", "add", "Pat Operator-Friend", .. Settings()]);
        var listed = await ModeratorsCli.RunAsync(["moderators", "list", .. Settings()]);
        var revoked = await ModeratorsCli.RunAsync(["moderators", "revoke", "Pat Operator-Friend", .. Settings()]);
        var missing = await ModeratorsCli.RunAsync(["moderators", "revoke", "Nobody", .. Settings()]);
        var usage = await ModeratorsCli.RunAsync(["moderators", "promote"]);

        Assert.Equal(0, added.ExitCode);
        var key = added.Output.Trim().Split('\n')[^1].Trim();
        Assert.Matches("^[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(1, again.ExitCode);
        Assert.Single(again.Output.Trim().Split('\n'));
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("Pat Operator-Friend", listed.Output);
        Assert.Contains("active", listed.Output);
        Assert.DoesNotContain(key, listed.Output);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no moderator called", missing.Output);
        Assert.Equal(1, usage.ExitCode);
    }
}
