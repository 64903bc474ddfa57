using AdminPortal.Application.Common;

namespace AdminPortal.Api.Tests.Security;

/// <summary>
/// A NUL character wherever a caller can put one (paths refuse it before the portal sees them): PostgreSQL refuses it in
/// text, SQLite keeps it; either way the caller gets the answer any unknown value gets, never a server error.
/// </summary>
public sealed class NulCharacterTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("Line%00")]
    [InlineData("%00")]
    [InlineData("Li%07ne")]
    public async Task A_search_or_a_country_with_a_control_character_is_refused_400_INVALID_PARAMETER(string search)
    {
        await host.NumberAsync();

        using var searched = await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/numbers?q={search}", Ct);
        using var country = await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/numbers?country=U%00", Ct);

        Assert.Equal("The search contains a control character", (await searched.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER")).String("message"));
        await country.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
    }

    [Fact]
    public async Task A_forged_cursor_with_a_NUL_gets_a_page_rather_than_a_server_error()
    {
        await host.NumberAsync();
        // Sort, direction, way, number, id and sort key, as the list's own cursors carry them.
        var cursor = Uri.EscapeDataString(Cursor.Encode("E164", "a", "n", "+1415\0", "phn_\0", "+1415\0"));

        using var response = await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/numbers?cursor={cursor}", Ct);

        // Where the cursor falls depends on how the database orders the character; a page comes back either way.
        Assert.Equal(JsonValueKind.Array, (await response.JsonAsync()).GetProperty("numbers").ValueKind);
    }

    [Fact]
    public async Task A_sign_in_name_with_a_NUL_is_refused_without_a_server_error()
    {
        using var response = await host.Browser().SignInAsync("owner\0@example.com");

        Assert.InRange((int)response.StatusCode, 200, 499);
        Assert.Equal(HttpStatusCode.Redirect, (await host.Browser().SignInAsync(Cast.OwnerEmail)).StatusCode);
    }
}
