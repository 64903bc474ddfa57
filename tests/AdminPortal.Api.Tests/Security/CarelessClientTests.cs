using System.Net;
using System.Text;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Security;

/// <summary>
/// A client that misspells a field, sends the wrong content type or leaves a field out is told so, with the expected
/// body in the fix, and nothing changes.
/// </summary>
public sealed class CarelessClientTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_misspelt_field_is_refused_by_name_instead_of_being_dropped_and_the_number_is_not_released()
    {
        var number = await host.NumberAsync(Cast.SelfServiceAccountId);

        var error = await (await host.Client(host.SelfServiceOwner).PostJsonAsync(
                $"/api/v1/accounts/{Cast.SelfServiceAccountId}/numbers/{number.E164}/request-release",
                new { reason = Cast.Reason, releaseAt = "end_of_billing_cycle" }))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Equal("The request body has a field this call does not take: releaseAt", error.String("message"));
        Assert.Contains("\"reason\"", error.String("fix"));
        Assert.Equal(NumberStatus.Active, (await host.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_field_given_twice_is_refused_rather_than_the_last_one_taken()
    {
        var number = await host.NumberAsync(Cast.SelfServiceAccountId);
        var body = new StringContent($"{{\"reason\": \"{Cast.Reason}\", \"reason\": \"Another reason for the same line.\"}}", Encoding.UTF8, "application/json");

        var error = await (await host.Client(host.SelfServiceOwner).PostAsync($"/api/v1/accounts/{Cast.SelfServiceAccountId}/numbers/{number.E164}/request-release", body, Ct))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Equal("The request body has a field more than once: reason", error.String("message"));
        Assert.Contains("\"reason\"", error.String("fix"));
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_field_name_with_control_or_markup_characters_is_refused_without_being_repeated()
    {
        var number = await host.NumberAsync(Cast.SelfServiceAccountId);
        var body = new StringContent($"{{\"reason\": \"{Cast.Reason}\", \"a\\u0000<script>\": 1}}", Encoding.UTF8, "application/json");

        var error = await (await host.Client(host.SelfServiceOwner).PostAsync($"/api/v1/accounts/{Cast.SelfServiceAccountId}/numbers/{number.E164}/request-release", body, Ct))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Equal("The request body has a field this call does not take", error.String("message"));
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_webhook_with_a_misspelt_list_of_events_is_refused_rather_than_subscribed_to_every_event()
    {

        var error = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", new { url = "https://93.184.215.14/hooks", events = new[] { "number.released" } }))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Contains("events", error.String("message"));
        Assert.Empty((await (await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/webhooks", Ct)).JsonAsync()).GetProperty("webhooks").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/release-requests/batches/bat_x/reject", "note")]
    [InlineData("/api/v1/release-requests/batches/bat_x/approve", "release_request_ids")]
    [InlineData("/api/v1/accounts", "name")]
    [InlineData("/api/v1/accounts/acc_123abc/owners", "user")]
    [InlineData("/api/v1/users", "email")]
    public async Task A_body_that_is_not_json_gets_400_with_the_expected_body_as_on_every_other_call(string path, string field)
    {
        var admin = host.Client(await AdminAsync());

        var error = await (await admin.PostAsync(path, new StringContent("please reject it", Encoding.UTF8, "text/plain"), Ct))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Contains($"\"{field}\"", error.String("fix"));
    }

    [Fact]
    public async Task A_malformed_batch_rejection_is_shown_a_body_with_its_note()
    {

        var error = await (await host.Client(host.Reviewer).PostAsync("/api/v1/release-requests/batches/bat_x/reject", new StringContent("{\"note\":", Encoding.UTF8, "application/json"), Ct))
            .ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");

        Assert.Contains("\"note\"", error.String("fix"));
    }

    [Fact]
    public async Task An_owner_added_without_naming_the_user_is_a_missing_field_not_an_unknown_user()
    {
        var admin = host.Client(await AdminAsync());

        await (await admin.PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/owners", new { })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await admin.PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/owners", new { user = " " })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await admin.PostJsonAsync($"/api/v1/accounts/{Cast.AccountId}/owners", new { user = "nobody@example.com" })).ErrorAsync(HttpStatusCode.NotFound, "USER_NOT_FOUND");
    }

    [Fact]
    public async Task Users_are_filtered_by_a_role_however_it_is_cased_and_an_unknown_role_is_refused()
    {
        var admin = host.Client(await AdminAsync());

        var owners = (await (await admin.GetAsync("/api/v1/users?role=owner", Ct)).JsonAsync()).GetProperty("users");
        var everyone = (await (await admin.GetAsync("/api/v1/users?role=", Ct)).JsonAsync()).GetProperty("users");
        var error = await (await admin.GetAsync("/api/v1/users?role=God", Ct)).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_ROLE");

        Assert.Contains(Cast.OwnerEmail, owners.Strings("email"));
        Assert.DoesNotContain(Cast.ReviewerEmail, owners.Strings("email"));
        Assert.Contains(Cast.ReviewerEmail, everyone.Strings("email"));
        Assert.Equal("God is not a portal role", error.String("message"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    public async Task A_delivery_id_that_is_not_a_number_is_a_bad_parameter_not_a_missing_delivery(string deliveryId)
    {

        await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/webhooks/whk_nothing/deliveries/{deliveryId}/redeliver")).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
    }

    /// <summary>An administrator of its own for each test, the host being shared by the class.</summary>
    private Task<ApiUser> AdminAsync() => host.UserAsync($"admin.{Guid.NewGuid():N}@example.com", PortalRoles.Admin);
}
