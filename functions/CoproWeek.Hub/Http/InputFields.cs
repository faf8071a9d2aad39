using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CoproWeek.Hub.Http;

/// <summary>One submitted field: text, a yes/no, a list of texts, or something of the wrong kind.</summary>
public sealed record InputValue(string? Text = null, bool? Flag = null, IReadOnlyList<string>? List = null, bool WrongKind = false);

/// <summary>
/// A submission's fields by dotted name (<c>organiser.name</c>), read the same way from a JSON body and
/// from an HTML form, so one validator serves the API and the no-JavaScript form.
/// </summary>
public sealed class InputFields
{
    public const int MaxBodyBytes = 64 * 1024;

    private readonly Dictionary<string, InputValue> _values;

    private InputFields(Dictionary<string, InputValue> values, bool fromForm, byte[] body, IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues>? form = null)
    {
        _values = values;
        FromForm = fromForm;
        Body = body;
        Form = form ?? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>();
    }

    /// <summary>The form's fields as posted, to show them again beside their errors.</summary>
    public IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> Form { get; }

    public bool FromForm { get; }

    /// <summary>The body as sent, for the Idempotency-Key check.</summary>
    public byte[] Body { get; }
    public IEnumerable<string> Names => _values.Keys;

    public InputValue? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>A submission's body, of at most <see cref="MaxBodyBytes"/>.</summary>
    public static Task<(InputFields? Fields, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, MaxBodyBytes, cancellationToken);

    /// <summary>
    /// Reads a JSON or form body of at most <paramref name="maxBytes"/>; returns a problem (400, 413 or 415) instead
    /// when it cannot. Nothing past the limit is read.
    /// </summary>
    public static async Task<(InputFields? Fields, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        var mediaType = request.GetTypedHeaders().ContentType?.MediaType.Value?.ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/x-www-form-urlencoded"))
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON or a form",
                "Send application/json, or an HTML form (application/x-www-form-urlencoded)."));
        }

        var body = await BoundedBody.ReadAsync(request.Body, maxBytes, request.ContentLength, cancellationToken);
        return body is null ? (null, TooLarge(maxBytes)) : Parse(mediaType, body);
    }

    private static (InputFields? Fields, IResult? Problem) Parse(string mediaType, byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["Send the text as UTF-8: some bytes are not valid UTF-8."] }));
        }
        if (mediaType == "application/json")
        {
            try
            {
                using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["Send one JSON object."] }));
                }
                var values = new Dictionary<string, InputValue>(StringComparer.Ordinal);
                Flatten(document.RootElement, "", values);
                return (new InputFields(values, fromForm: false, body), null);
            }
            catch (JsonException e)
            {
                return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = [$"The JSON is not valid: {e.Message.Split('.')[0]}."] }));
            }
            catch (InvalidOperationException)
            {
                // JSON may escape half of a surrogate pair ("\ud800"), which is no text at all; the reader refuses to make a string of it.
                return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The JSON holds a \\u escape that is not a whole character (half of a surrogate pair). Send real text."] }));
            }
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + System.Text.Encoding.UTF8.GetString(body));
        var fields = form.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count > 1 ? new InputValue(List: kv.Value.Select(v => v ?? "").ToList()) : new InputValue(Text: kv.Value.ToString()),
            StringComparer.Ordinal);
        return (new InputFields(fields, fromForm: true, body, form), null);
    }

    /// <summary>Text fields already read from another kind of body (a multipart upload), checked like a form.</summary>
    public static InputFields FromParts(IReadOnlyDictionary<string, Microsoft.Extensions.Primitives.StringValues> form) =>
        new(form.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count > 1 ? new InputValue(List: kv.Value.Select(v => v ?? "").ToList()) : new InputValue(Text: kv.Value.ToString()),
            StringComparer.Ordinal), fromForm: true, [], form);

    private static IResult TooLarge(int maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Too much to send", $"This can be at most {Math.Max(1, maxBytes / 1024)} KiB. Shorten the longest texts.");

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, InputValue> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(value, name + ".", values);
                    break;
                case JsonValueKind.String:
                    values[name] = new InputValue(Text: value.GetString());
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[name] = new InputValue(Flag: value.GetBoolean());
                    break;
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    values[name] = new InputValue(List: value.EnumerateArray().Select(v => v.GetString()!).ToList());
                    break;
                default:
                    values[name] = new InputValue(WrongKind: true);
                    break;
            }
        }
    }
}
