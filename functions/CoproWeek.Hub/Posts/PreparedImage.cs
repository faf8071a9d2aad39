using System.Diagnostics.CodeAnalysis;

namespace CoproWeek.Hub.Posts;

/// <summary>A picture as the contributor sent it: bytes, and the name and type their browser claimed (not trusted).</summary>
public sealed record UploadedImage(Stream Content, string? FileName, string? ContentType);

/// <summary>A picture made safe to publish: re-encoded upright, at most <see cref="PostImages.LongestSide"/> px, without EXIF or GPS.</summary>
public sealed record PreparedImage(byte[] Bytes, string ContentType, int Width, int Height, string Extension);

/// <summary>Either a prepared picture or one plain-English sentence saying what is wrong with the file and what to do.</summary>
public sealed record ImagePreparation(PreparedImage? Image, string? Error)
{
    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Image is not null;

    public static ImagePreparation Ok(PreparedImage image) => new(image, null);

    public static ImagePreparation Refused(string error) => new(null, error);
}
