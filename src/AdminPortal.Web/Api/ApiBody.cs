using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdminPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Api;

/// <summary>JSON bodies, with a clear error for a missing or malformed one.</summary>
internal static class ApiBody
{
    /// <summary>
    /// The API's JSON options refusing fields a body type does not have: a misspelt field must not be dropped silently
    /// ("releaseAt" ignored would release the number now); and a field given twice, which one reader takes first and
    /// another last. Only for reading bodies: answers stay open to new fields.
    /// </summary>
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Strict = [];

    public static async Task<Result<T>> ReadAsync<T>(HttpContext http, string example)
        where T : class
    {
        if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType()))
        {
            return Refused("The request body is missing", example);
        }

        if (!http.Request.HasJsonContentType())
        {
            return Refused("The request body must be sent as application/json", example);
        }

        try
        {
            var api = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var strict = Strict.GetValue(api, o => new JsonSerializerOptions(o) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false });
            return await http.Request.ReadFromJsonAsync<T>(strict, http.RequestAborted) is { } body ? body : Refused("The request body must be a JSON object", example);
        }
        catch (JsonException ex)
        {
            // Repeated only when short and plain: a hostile field name must not reach a client's log or page.
            var field = ex.Path is { Length: > 2 and <= 34 } path && path[2..].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '[' or ']')
                ? ex.Path[2..]
                : null;
            var problem = ex.Message switch
            {
                var m when m.Contains("could not be mapped", StringComparison.Ordinal) => "has a field this call does not take",
                var m when m.StartsWith("Duplicate property", StringComparison.Ordinal) => "has a field more than once",
                _ => null,
            };
            return Refused(
                (field, problem) switch
                {
                    ({ } name, { } known) => $"The request body {known}: {name}",
                    (null, { } known) => $"The request body {known}",
                    ({ } name, null) => $"The request body is not the expected JSON at {name}",
                    _ => "The request body is not the expected JSON",
                },
                example);
        }
        catch (InvalidOperationException)
        {
            return Refused("The request body is not in a character set the API reads; send UTF-8", example);
        }
        catch (BadHttpRequestException)
        {
            return Refused("The request body could not be read in full", example);
        }
    }

    private static Error Refused(string problem, string example) => new(
        Errors.InvalidParameter, problem, $"Send Content-Type: application/json with a body such as {example}");
}
