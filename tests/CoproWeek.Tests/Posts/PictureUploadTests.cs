using System.Net;
using System.Text.Json;
using CoproWeek.Hub.Posts;
using CoproWeek.Hub.Storage;
using CoproWeek.Hub.Submissions;
using CoproWeek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CoproWeek.Tests.Posts;

/// <summary>Picture bombs sent as a story, through the real host: read at reduced scale, or refused with nothing stored.</summary>
public sealed class PictureUploadTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_story_with_three_PNGs_of_10000_by_4000_pixels_is_taken_and_its_pictures_stored_at_1600_pixels()
    {
        await using var hub = new HubFactory(azurite, new Dictionary<string, string?> { ["Pictures:MaxConcurrentDecodes"] = "1" });
        using var client = hub.CreateClient();
        var parts = SamplePost.Parts(images: 0);
        foreach (var colour in new[] { SKColors.Red, SKColors.Green, SKColors.Blue })
        {
            parts.Add(new("images", File: TestPictures.SolidPng(10_000, 4_000, colour), FileName: "wall.png", ContentType: "image/png"));
        }
        parts.AddRange(Enumerable.Range(1, 3).Select(i => new SamplePost.Part("imageAlt", $"Picture {i}: a wall painted one colour")));

        var answer = await SamplePost.SubmitAsync(client, parts);

        var row = await hub.Services.GetRequiredService<SubmissionStore>().GetAsync(answer.Id, CancellationToken.None);
        var details = HubJson.Deserialize<PostDetails>(row!.DetailsJson);
        Assert.Equal(3, details.Images.Count);
        foreach (var image in details.Images)
        {
            Assert.Equal((1600, 640), (image.Width, image.Height));
            var stored = await hub.Services.GetRequiredService<PostBlobs>().ReadImageAsync(image, CancellationToken.None);
            using var decoded = SKBitmap.Decode(stored.ToArray());
            Assert.Equal((1600, 640), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task An_interlaced_PNG_too_big_to_read_whole_gets_a_400_on_its_field_and_nothing_is_stored()
    {
        await using var hub = new HubFactory(azurite);
        using var client = hub.CreateClient();
        var parts = SamplePost.Parts(images: 1);
        parts[parts.FindIndex(p => p.Name == "images")] = new("images", File: TestPictures.SolidPng(10_000, 4_000, SKColors.Blue, interlaced: true), FileName: "wall.png", ContentType: "image/png");

        var response = await client.PostAsync("/api/posts", SamplePost.Content(parts));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.StartsWith("The picture for image 1 is an interlaced PNG of 10,000 by 4,000 pixels", errors.GetProperty("images[0]")[0].GetString());
        await SamplePost.AssertNothingStoredAsync(hub);
    }

    [Fact]
    public async Task A_host_told_to_decode_no_pictures_at_a_time_does_not_start_and_names_the_setting()
    {
        var (exitCode, output) = await HostProcess.RunAsync(new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Pictures__MaxConcurrentDecodes"] = "0",
        });

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("could not start"));
        Assert.Contains("Pictures:MaxConcurrentDecodes must be between 1 and 64.", line);
    }
}
