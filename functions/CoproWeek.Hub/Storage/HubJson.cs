using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CoproWeek.Hub.Storage;

/// <summary>The JSON settings for queue messages, API bodies and stored documents: camelCase, enums as strings.</summary>
public static class HubJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(HubJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    public static T Deserialize<T>(BinaryData json) =>
        json.ToObjectFromJson<T>(Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Email.EmailMessage))]
internal sealed partial class HubJsonContext : JsonSerializerContext;
