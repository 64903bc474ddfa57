using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Api;

namespace AdminPortal.Web.Api;

/// <summary>
/// A POST sent with an <c>Idempotency-Key</c> acts once: the first success is kept for 24 hours per user and key and
/// replayed to retries with the same request; the same key with another request is refused. A refusal changed nothing,
/// so it is not kept: a retry once the cause is fixed (the agents detached, the JSON header added) is judged afresh.
/// Retries that arrive together, at any instance, wait for the first one: the key is claimed in the database.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http)
    {
        var keys = http.Request.Headers[Header];
        var key = keys.ToString();
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Only the API's own endpoints act; an unknown path or method has nothing to repeat or protect.
        if (key.Length == 0 || userId is null || http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
        {
            await next(http);
            return;
        }

        if (keys.Count > 1)
        {
            await ApiResults.WriteAsync(http, new Error(
                Errors.InvalidParameter,
                "The request has more than one Idempotency-Key header",
                "Send one Idempotency-Key header with one unique value"));
            return;
        }

        if (key.Length > IdempotencyRecord.KeyMaxLength)
        {
            await ApiResults.WriteAsync(http, new Error(
                Errors.InvalidParameter,
                $"The Idempotency-Key header is longer than {IdempotencyRecord.KeyMaxLength} characters",
                "Use a UUID or another unique value of up to 255 characters"));
            return;
        }

        var requestHash = await HashAsync(http.Request);
        var claim = await store.ClaimAsync(userId, key, requestHash, http.RequestAborted);
        if (claim.Previous is not null)
        {
            await ReplayAsync(http, claim.Previous, requestHash);
            return;
        }

        if (claim.Busy)
        {
            await ApiResults.WriteAsync(http, new Error(
                Errors.IdempotencyKeyInUse,
                "A request with this Idempotency-Key is still being handled",
                "Retry in a few seconds: the first request's answer is then replayed"));
            return;
        }

        var token = claim.Token!;
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            await store.ReleaseAsync(userId, key, token, CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        // Neither a refusal nor a server failure acted: the retry may well succeed. Once the endpoint acted, the key is
        // never given back: should keeping the answer fail, the claim stands until it is taken for abandoned.
        if (http.Response.StatusCode < StatusCodes.Status400BadRequest)
        {
            await store.AnswerAsync(userId, key, token, http.Response.StatusCode, http.Response.ContentType ?? string.Empty, captured.ToArray(), CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(userId, key, token, CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord previous, string requestHash)
    {
        if (previous.RequestHash != requestHash)
        {
            await ApiResults.WriteAsync(http, new Error(
                Errors.IdempotencyKeyReused,
                "This Idempotency-Key was already used for a different request",
                "Use a new Idempotency-Key for each distinct request; reuse a key only to retry the very same request"));
            return;
        }

        http.Response.StatusCode = previous.StatusCode;
        http.Response.Headers[ReplayedHeader] = "true";
        if (previous.ContentType.Length > 0)
        {
            http.Response.ContentType = previous.ContentType;
        }

        await http.Response.Body.WriteAsync(previous.Body, http.RequestAborted);
    }

    /// <summary>
    /// The request as it acts, not as it is written: the endpoint with its route values (a number with or without its +
    /// is one number) and the body's JSON with its properties sorted and its white space dropped.
    /// </summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var bytes = body.ToArray();
        request.Body = new MemoryStream(bytes);
        var route = request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => $"{v.Key}={(v.Key == "e164" && E164.Parse(v.Value as string) is { IsSuccess: true } number ? number.Value.Value : v.Value)}");
        var head = System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {string.Join('&', route)} {request.QueryString}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. Canonical(bytes)]));
    }

    /// <summary>The JSON with sorted properties and no white space; a body that is not JSON as sent (it is refused anyway).</summary>
    private static byte[] Canonical(byte[] body)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(Sorted(JsonNode.Parse(body)));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or a property twice: refused by the endpoint, so any fingerprint will do.
            return body;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
