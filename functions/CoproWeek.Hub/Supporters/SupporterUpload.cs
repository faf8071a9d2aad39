using System.Security.Cryptography;
using System.Text;
using CoproWeek.Hub.Http;
using CoproWeek.Hub.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CoproWeek.Hub.Supporters;

/// <summary>
/// A pledge's body: JSON (no logo) or a form, the no-JavaScript page's being <c>multipart/form-data</c> with the logo as
/// a file part named <c>logo</c>. The text fields go to <see cref="SupporterValidator"/>, the logo through
/// <see cref="SupporterLogo"/>; the hash of what was sent keys <c>Idempotency-Key</c>.
/// </summary>
public sealed record SupporterUpload(InputFields Fields, ImagePreparation? Logo, byte[] BodyHash)
{
    /// <summary>The most a whole request may carry: one 5 MB logo and the form's text.</summary>
    public const long MaxRequestBytes = PostImages.MaxBytes + 256 * 1024;

    public static async Task<(SupporterUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, PictureDecodes decodes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            var (fields, problem) = await InputFields.ReadAsync(request, cancellationToken);
            return fields is null ? (null, problem) : (new SupporterUpload(fields, null, SHA256.HashData(fields.Body)), null);
        }
        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, TooLarge());
        }
        IFormCollection form;
        try
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
            {
                MultipartBodyLengthLimit = MaxRequestBytes,
                ValueLengthLimit = 16 * 1024,
                ValueCountLimit = 32,
                MultipartHeadersCountLimit = 16,
                MultipartHeadersLengthLimit = 8 * 1024,
                BufferBodyLengthLimit = MaxRequestBytes,
            }));
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The form data is damaged or incomplete. Send it again."] }));
        }

        var parts = form.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, values) in parts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}={string.Join('\u0001', values.ToArray())}\u0000"));
        }
        ImagePreparation? logo = null;
        foreach (var file in form.Files)
        {
            if (file.Name != SupporterLogo.Field)
            {
                parts[file.Name] = new StringValues("(a file)");
                continue;
            }
            // A browser sends the file input even when nothing was chosen: no name and no bytes.
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue;
            }
            if (logo is not null || file.Length > PostImages.MaxBytes)
            {
                logo = ImagePreparation.Refused(logo is not null ? "Send one logo." : "Your logo is bigger than 5 MB. Choose a smaller picture.");
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }
            hash.AppendData(bytes);
            logo = await SupporterLogo.PrepareAsync(decodes, bytes, file.FileName, file.ContentType, cancellationToken);
        }
        return (new SupporterUpload(InputFields.FromParts(parts), logo, hash.GetHashAndReset()), null);
    }

    private static IResult TooLarge() =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Too much to send",
            $"A pledge with its logo can be at most {MaxRequestBytes / (1024 * 1024)} MB. Send a smaller logo.");
}
