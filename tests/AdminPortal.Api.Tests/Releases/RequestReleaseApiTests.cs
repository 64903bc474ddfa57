using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Releases;

/// <summary>Requesting and withdrawing releases: the rules of the service layer, answered with the envelope and their statuses.</summary>
public sealed class RequestReleaseApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_valid_request_answers_201_with_the_pending_request()
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = "  " + Steps.Reason + "  " });

        var request = await response.JsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("rr_", request.String("id"));
        Assert.Equal(number.Id, request.String("phone_number_id"));
        Assert.Equal(number.E164, request.String("phone_number"));
        Assert.Equal(Steps.Reason, request.String("reason"));
        Assert.Equal("pending", request.String("status"));
        Assert.Equal(host.Now, request.Time("requested_at"));
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_request_is_read_back_by_its_id_and_is_not_found_for_an_owner_of_another_account()
    {
        var number = await host.NumberAsync();
        var id = (await host.RequestReleaseAsync(number)).String("id");

        using var own = await host.Client(host.Owner).GetAsync($"/api/v1/release-requests/{id}", Ct);
        using var staff = await host.Client(host.Reviewer).GetAsync($"/api/v1/release-requests/{id}", Ct);
        using var stranger = await host.Client(host.Stranger).GetAsync($"/api/v1/release-requests/{id}", Ct);

        var request = await own.JsonAsync();
        Assert.Equal(("pending", number.E164), (request.String("status"), request.String("phone_number")));
        Assert.Equal(id, (await staff.JsonAsync()).String("id"));
        await stranger.ErrorAsync(HttpStatusCode.NotFound, "REQUEST_NOT_FOUND");
    }

    [Theory]
    [InlineData("9 characters", "rrrrrrrrr")]
    [InlineData("whitespace only", "             ")]
    public async Task A_reason_outside_10_to_500_characters_gets_400_REASON_LENGTH_and_nothing_is_stored(string _, string reason)
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason });

        await response.ErrorAsync(HttpStatusCode.BadRequest, "REASON_LENGTH");
        await NothingChangedAsync(number);
    }

    [Fact]
    public async Task A_reason_of_501_characters_gets_400_REASON_LENGTH()
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = new string('r', 501) });

        await response.ErrorAsync(HttpStatusCode.BadRequest, "REASON_LENGTH");
        await NothingChangedAsync(number);
    }

    public static TheoryData<string, string?, string, string> Bodies => new()
    {
        { "no body", null, "", "The request body is missing" },
        { "cut-off JSON", "application/json", "{\"reason\":", "The request body is not the expected JSON at reason" },
        { "a number for the reason", "application/json", "{\"reason\": 12345678901}", "The request body is not the expected JSON at reason" },
        { "a JSON array", "application/json", "[]", "The request body is not the expected JSON" },
        { "a number for the timing", "application/json", "{\"reason\": \"Office closed for good\", \"release_at\": 7}", "The request body is not the expected JSON at release_at" },
        { "JSON null", "application/json", "null", "The request body must be a JSON object" },
        { "a form", "application/x-www-form-urlencoded", "reason=Office+closed+for+good", "The request body must be sent as application/json" },
        { "plain text", "text/plain", "Office closed for good", "The request body must be sent as application/json" },
        { "an unknown character set", "application/json; charset=nonsense", "{\"reason\": \"Office closed for good\"}", "The request body is not in a character set the API reads; send UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_not_the_expected_JSON_gets_400_INVALID_PARAMETER_saying_what_is_wrong_with_an_example(
        string _, string? contentType, string body, string message)
    {
        var number = await host.NumberAsync();
        using var content = new StringContent(body);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await host.Client(host.Owner).PostAsync($"{Steps.NumberUrl(number)}/request-release", content, Ct);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        Assert.Equal(message, error.String("message"));
        Assert.Contains("application/json", error.String("fix"));
        Assert.Contains("\"reason\"", error.String("fix"));
        await NothingChangedAsync(number);
    }

    public static TheoryData<string, string, int> Blockers => new()
    {
        { "an attached agent", "NUMBER_IN_USE", 422 },
        { "a call in progress", "CALLS_IN_PROGRESS", 422 },
        { "an active campaign", "ACTIVE_CAMPAIGN", 409 },
    };

    [Theory]
    [MemberData(nameof(Blockers))]
    public async Task A_number_with_a_blocker_is_refused_with_the_blocker_s_code_and_nothing_is_stored(string blocker, string code, int status)
    {
        Action<PhoneNumber> shape = blocker switch
        {
            "an attached agent" => ApiHost.WithAgent(),
            "a call in progress" => n => n.SetCallsInProgress(1),
            _ => n => n.SetActiveCampaign("Spring promo"),
        };
        var number = await host.NumberAsync(shape: shape);

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason });

        await response.ErrorAsync((HttpStatusCode)status, code);
        await NothingChangedAsync(number);
    }

    [Fact]
    public async Task A_second_request_for_a_pending_number_gets_409_RELEASE_ALREADY_PENDING()
    {
        var number = await host.NumberAsync();
        await host.RequestReleaseAsync(number);

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason });

        await response.ErrorAsync(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
        Assert.Equal(1, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task Under_a_SelfService_policy_the_request_is_approved_at_once_and_the_number_released()
    {
        var number = await host.NumberAsync(Cast.SelfServiceAccountId);

        var request = await host.RequestReleaseAsync(number, host.SelfServiceOwner);

        Assert.Equal("approved", request.String("status"));
        var released = await host.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Released, released.Status);
        Assert.Equal(host.Now.AddDays(30), released.AvailableAfter);
    }

    [Fact]
    public async Task The_requester_withdraws_a_pending_request_and_the_number_is_active_again()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);

        using var response = await host.Client(host.Owner).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/withdraw");

        var withdrawn = await response.JsonAsync();
        Assert.Equal("withdrawn", withdrawn.String("status"));
        Assert.Equal(NumberStatus.Active, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_reviewer_who_did_not_make_the_request_gets_403_NOT_REQUESTER_when_withdrawing_it()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);

        using var response = await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/withdraw");

        await response.ErrorAsync(HttpStatusCode.Forbidden, "NOT_REQUESTER");
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Withdrawing_a_decided_request_gets_409_REQUEST_ALREADY_DECIDED()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);
        await host.ApproveAsync(request.String("id"));

        using var response = await host.Client(host.Owner).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/withdraw");

        await response.ErrorAsync(HttpStatusCode.Conflict, "REQUEST_ALREADY_DECIDED");
    }

    [Fact]
    public async Task Withdrawing_a_request_that_does_not_exist_gets_404_REQUEST_NOT_FOUND()
    {
        using var response = await host.Client(host.Owner).PostJsonAsync("/api/v1/release-requests/rr_missing/withdraw");

        await response.ErrorAsync(HttpStatusCode.NotFound, "REQUEST_NOT_FOUND");
    }

    private async Task NothingChangedAsync(PhoneNumber number)
    {
        Assert.Equal(NumberStatus.Active, (await host.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
        Assert.Empty(await host.AuditOfAsync(number.Id));
    }
}
