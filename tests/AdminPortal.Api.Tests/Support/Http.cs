using System.Net.Http.Json;

namespace AdminPortal.Api.Tests.Support;

/// <summary>Calls and reads answers the way an API client does: JSON as sent on the wire, errors in the envelope.</summary>
internal static class Http
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKey, idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    /// <summary>The JSON body of an answer that must have <paramref name="status"/>.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>
    /// The answer is the error envelope with <paramref name="code"/> and <paramref name="status"/>: a tracking id,
    /// a message and a fix hint.
    /// </summary>
    public static async Task<JsonElement> ErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var envelope = await response.JsonAsync(status);
        Assert.StartsWith("trk_", envelope.GetProperty("tracking_id").GetString());
        var error = envelope.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("fix").GetString()));
        return error;
    }

    public static string String(this JsonElement json, string property) => json.GetProperty(property).GetString()!;

    /// <summary>A time as sent: ISO 8601 in UTC with its Z.</summary>
    public static DateTime Time(this JsonElement json, string property)
    {
        var text = json.String(property);
        Assert.EndsWith("Z", text);
        return DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
    }

    /// <summary>Money exactly as written in the JSON text, so that 25.00 is not confused with 25.</summary>
    public static string Raw(this JsonElement json, string property) => json.GetProperty(property).GetRawText();

    public static IReadOnlyList<string> Strings(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(item => item.String(property))];
}
