using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CoproWeek.Hub.Posts;

/// <summary>Settings for story pictures, in the <c>Pictures</c> section.</summary>
public sealed class PictureOptions
{
    public const string Section = "Pictures";

    /// <summary>
    /// How many pictures one host decodes at a time. Each decode takes a few MB and a core for up to a second or two;
    /// uploads beyond this wait their turn (their bodies are not read meanwhile), so a burst costs time, never memory.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Pictures:MaxConcurrentDecodes must be between 1 and 64.")]
    public int MaxConcurrentDecodes { get; set; } = 2;
}

/// <summary>The one gate every picture decode on this host passes through, sized by <see cref="PictureOptions.MaxConcurrentDecodes"/>.</summary>
public sealed class PictureDecodes(IOptions<PictureOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(options.Value.MaxConcurrentDecodes, options.Value.MaxConcurrentDecodes);

    /// <summary>Checks and re-encodes one picture (see <see cref="PostImages.Prepare"/>) once a decode slot is free.</summary>
    public async Task<ImagePreparation> PrepareAsync(ReadOnlyMemory<byte> bytes, string? fileName, string? contentType, int imageNumber, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return PostImages.Prepare(bytes.Span, fileName, contentType, imageNumber);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
