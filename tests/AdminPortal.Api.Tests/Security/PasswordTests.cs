using System.Buffers.Binary;
using System.Net;
using AdminPortal.Domain.Audit;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Security;

/// <summary>People change their own password: the current one is asked for, and every other session ends.</summary>
public sealed class PasswordTests
{
    private const string NewPassword = "a brand new passphrase 2026";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_keeps_this_one_and_is_audited()
    {
        await using var host = await ApiHost.StartAsync([]);
        var here = await SignedInAsync(host);
        var elsewhere = await SignedInAsync(host);

        using var changed = await here.PostFormAsync("/Account/Password", "password", ["Input.Current", Cast.Password], ["Input.New", NewPassword], ["Input.Confirm", NewPassword]);
        Assert.Contains("data-testid=\"password-changed\"", await changed.Content.ReadAsStringAsync(Ct));
        var audited = Assert.Single(await host.AuditedAsync(AuditAction.PasswordChanged));
        Assert.Equal((Cast.OwnerEmail, $"user {Cast.OwnerEmail}", "Changed their password"), (audited.ActorName, audited.Subject, audited.Summary));

        host.Db.Clock.Advance(TimeSpan.FromSeconds(61));
        using var kept = await here.GetAsync("/requests", Ct);
        using var ended = await elsewhere.GetAsync("/requests", Ct);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.StartsWith("/Account/Login", ended.Headers.Location?.PathAndQuery);
        using var withOld = await host.Browser().SignInAsync(Cast.OwnerEmail);
        using var withNew = await host.Browser().SignInAsync(Cast.OwnerEmail, NewPassword);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_audits_nothing()
    {
        await using var host = await ApiHost.StartAsync([]);
        var browser = await SignedInAsync(host);

        using var refused = await browser.PostFormAsync("/Account/Password", "password", ["Input.Current", "not my password at all"], ["Input.New", NewPassword], ["Input.Confirm", NewPassword]);

        Assert.Contains("The current password is not right.", await refused.Content.ReadAsStringAsync(Ct));
        using var withOld = await host.Browser().SignInAsync(Cast.OwnerEmail);
        Assert.Equal(HttpStatusCode.Redirect, withOld.StatusCode);
        Assert.Empty(await host.AuditedAsync(AuditAction.PasswordChanged));
    }

    [Fact]
    public async Task Guesses_of_the_current_password_count_as_failed_sign_ins()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Security:SignInFailuresPerUser"] = "3", ["Security:SignInFailuresPerAddress"] = "100" });
        var browser = await SignedInAsync(host);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var _ = await browser.PostFormAsync("/Account/Password", "password", ["Input.Current", $"a guess {attempt}"], ["Input.New", NewPassword], ["Input.Confirm", NewPassword]);
        }

        using var throttled = await browser.PostFormAsync("/Account/Password", "password", ["Input.Current", Cast.Password], ["Input.New", NewPassword], ["Input.Confirm", NewPassword]);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Empty(await host.AuditedAsync(AuditAction.PasswordChanged));
    }

    [Fact]
    public async Task Passwords_are_stored_with_PBKDF2_at_210000_iterations_at_least()
    {
        await using var host = await ApiHost.StartAsync([]);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var hash = Convert.FromBase64String((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(Cast.OwnerEmail))!.PasswordHash!);

        // Identity's format 3: a marker byte, the PRF, then the iteration count, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }

    private static async Task<HttpClient> SignedInAsync(ApiHost host)
    {
        var browser = host.Browser();
        using var signedIn = await browser.SignInAsync(Cast.OwnerEmail);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
