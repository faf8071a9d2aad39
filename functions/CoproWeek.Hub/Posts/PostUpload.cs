using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CoproWeek.Hub.Posts;

/// <summary>A picture that passed its checks, with the description its author gave.</summary>
public sealed record DescribedImage(PreparedImage Image, string Alt);

/// <summary>
/// A story's <c>multipart/form-data</c> body, read as a stream under a hard cap: the text parts (checked later by
/// <see cref="PostValidator"/>), the pictures already checked and re-encoded by <see cref="PostImages"/>, each picture's
/// problems, and a hash of the raw body for <c>Idempotency-Key</c>.
/// </summary>
public sealed record PostUpload(InputFields Fields, IReadOnlyList<DescribedImage> Images, Dictionary<string, string[]> ImageErrors, byte[] BodyHash)
{
    /// <summary>The most a whole request may carry: three 5 MB pictures, the story and some room for the form's framing.</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>The most one text part may carry; the longest field (the body) is 20,000 characters.</summary>
    public const int MaxTextPartBytes = 128 * 1024;

    public const int MaxAltLength = 250;
    public const string ImagesPart = "images";
    public const string AltPart = "imageAlt";

    /// <summary>The problem-details field for a picture's description, counting from 0 like <see cref="PostImages.FieldName"/>.</summary>
    public static string AltFieldName(int index) => $"{AltPart}[{index}]";

    /// <summary>
    /// Reads the upload, each picture prepared through <paramref name="decodes"/> as it arrives; returns a problem
    /// (400, 413 or 415) instead when the body cannot be read at all.
    /// </summary>
    public static async Task<(PostUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, PictureDecodes decodes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, TooLarge());
        }
        var contentType = request.ContentType is { } header && MediaTypeHeaderValue.TryParse(header, out var parsed) ? parsed : null;
        var boundary = HeaderUtilities.RemoveQuotes(contentType?.Boundary ?? default).Value;
        if (contentType?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true || string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the story as a form with files",
                "Send the story as multipart/form-data, with each picture as a file part named images."));
        }

        await using var body = new CappedHashingStream(request.Body, MaxRequestBytes);
        var reader = new MultipartReader(boundary, body) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
        var text = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var alts = new List<string>();
        var files = new List<ImagePreparation?>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) ? d : null;
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "";
                if (name == ImagesPart)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition!.FileName).Value;
                    files.Add(await ReadImageAsync(section, decodes, fileName, files.Count + 1, files.Count(f => f is not null) >= PostImages.MaxImages, cancellationToken));
                }
                else if (name == AltPart)
                {
                    alts.Add(await ReadTextAsync(section, cancellationToken) ?? "");
                }
                else
                {
                    var key = name.Length == 0 ? "(a part with no name)" : name;
                    var value = await ReadTextAsync(section, cancellationToken);
                    if (!text.TryGetValue(key, out var values))
                    {
                        text[key] = values = [];
                    }
                    // An overlong part is kept as an overlong text, so the field's own check names it.
                    values.Add(value ?? new string('x', MaxTextPartBytes + 1));
                }
            }
            // Read to the end (the epilogue), so the hash covers the whole body.
            await body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (PayloadTooLargeException)
        {
            return (null, TooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The form data is damaged or incomplete. Send it again."] }));
        }

        var fields = InputFields.FromParts(text.ToDictionary(kv => kv.Key, kv => new StringValues(kv.Value.ToArray()), StringComparer.Ordinal));
        var (images, errors) = Pair(files, alts);
        return (new PostUpload(fields, images, errors, body.Hash()), null);
    }

    // A browser sends every file input, chosen or not: an unchosen one is a part with no file name and no bytes (null here).
    private static async Task<ImagePreparation?> ReadImageAsync(MultipartSection section, PictureDecodes decodes, string? fileName, int number, bool tooMany, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PostImages.MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length < PostImages.MaxBytes + 1 && (read = await section.Body.ReadAsync(buffer.AsMemory(length, PostImages.MaxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }
            if (length == 0 && string.IsNullOrEmpty(fileName))
            {
                return null;
            }
            // Past the limit we only count: the answer will be "too many pictures", and decoding them would waste time.
            return tooMany
                ? ImagePreparation.Refused("")
                : await decodes.PrepareAsync(buffer.AsMemory(0, length), fileName, section.ContentType, number, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The part's text, or null when it is longer than <see cref="MaxTextPartBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(MultipartSection section, CancellationToken cancellationToken) =>
        await BoundedBody.ReadAsync(section.Body, MaxTextPartBytes, declaredLength: null, cancellationToken) is { } bytes
            ? Encoding.UTF8.GetString(bytes)
            : null;

    /// <summary>Matches pictures to descriptions by position (the form's slots); a slot with neither is an unused file input and is skipped.</summary>
    private static (List<DescribedImage>, Dictionary<string, string[]>) Pair(List<ImagePreparation?> files, List<string> alts)
    {
        var images = new List<DescribedImage>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosen = files.Count(f => f is not null);
        if (chosen > PostImages.MaxImages)
        {
            errors[ImagesPart] = [$"You sent {chosen} pictures. Send no more than {PostImages.MaxImages}."];
            return (images, errors);
        }
        for (var slot = 0; slot < Math.Max(files.Count, alts.Count); slot++)
        {
            var file = slot < files.Count ? files[slot] : null;
            var alt = slot < alts.Count ? alts[slot].Trim() : "";
            if (file is null && alt.Length == 0)
            {
                continue;
            }
            var index = slot;
            if (file is null)
            {
                errors[PostImages.FieldName(index + 1)] = [$"Choose picture {index + 1}, or remove its description."];
                continue;
            }
            if (!file.Succeeded)
            {
                errors[PostImages.FieldName(index + 1)] = [file.Error];
            }
            if (alt.Length == 0)
            {
                errors[AltFieldName(index)] = [$"Describe picture {index + 1} for people who cannot see it, like “Six people round a table, laughing”."];
            }
            else if (alt.Length > MaxAltLength || alt.Any(char.IsControl))
            {
                errors[AltFieldName(index)] = [$"Describe picture {index + 1} on one line, in {MaxAltLength} characters or fewer."];
            }
            else if (file.Succeeded)
            {
                images.Add(new DescribedImage(file.Image, alt));
            }
        }
        return (images, errors);
    }

    private static IResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Too much to send",
            $"A story with its pictures can be at most {MaxRequestBytes / (1024 * 1024)} MB. Send smaller pictures, or fewer.");

    private sealed class PayloadTooLargeException : Exception;

    /// <summary>Reads the request body through a SHA-256 hash, and stops with <see cref="PayloadTooLargeException"/> past the cap.</summary>
    private sealed class CappedHashingStream(Stream inner, long cap) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _read;

        public byte[] Hash() => _hash.GetHashAndReset();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            if (_read > cap)
            {
                throw new PayloadTooLargeException();
            }
            _hash.AppendData(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the upload asynchronously.");
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
