using AdminPortal.Domain.Common;
using AdminPortal.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Web.Tests.Pages;

public sealed class TextPromptDialogTests : PageTest
{
    private readonly List<string> _submitted = [];

    [Theory]
    [InlineData(0, "0 / 500", true, false)]
    [InlineData(9, "9 / 500", true, true)]
    [InlineData(10, "10 / 500", false, false)]
    [InlineData(500, "500 / 500", false, false)]
    [InlineData(501, "501 / 500", true, true)]
    public async Task The_counter_follows_the_text_and_submit_is_disabled_outside_10_to_500(int length, string counter, bool disabled, bool flagged)
    {
        await OpenPromptAsync(_ => Result.Success());

        Overlays.Find("textarea").Input(new string('x', length));

        Overlays.WaitForAssertion(() => Assert.Equal(counter, Overlays.Find("[data-testid=prompt-count]").TextContent));
        Assert.Equal(disabled, Overlays.Find("[data-testid=prompt-submit]").HasAttribute("disabled"));
        Assert.Equal(flagged, Overlays.Find("[data-testid=prompt-count]").ClassList.Contains("counter-invalid"));
    }

    [Fact]
    public async Task Spaces_around_the_text_do_not_count_and_an_emoji_counts_once()
    {
        await OpenPromptAsync(_ => Result.Success());

        Overlays.Find("textarea").Input("   " + string.Concat(Enumerable.Repeat("👍🏽", 10)) + "   ");

        Overlays.WaitForAssertion(() => Assert.Equal("10 / 500", Overlays.Find("[data-testid=prompt-count]").TextContent));
        Assert.False(Overlays.Find("[data-testid=prompt-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_hidden_character_is_flagged_in_red_with_how_to_fix_it_and_the_text_is_still_counted()
    {
        await OpenPromptAsync(_ => Result.Success());

        Overlays.Find("textarea").Input("Please release \u202Eenil siht");

        Overlays.WaitForAssertion(() => Assert.Equal("25 / 500", Overlays.Find("[data-testid=prompt-count]").TextContent));
        var hint = Overlays.Find("[aria-live=polite]");
        Assert.Contains("field-error", hint.ClassList);
        Assert.Equal(
            "The reason contains an invisible formatting character (U+202E). Type the reason again as plain text, without pasting hidden characters.",
            hint.TextContent);
        Assert.True(Overlays.Find("[data-testid=prompt-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_prompt_is_a_dialog_named_by_its_title_with_a_labelled_text_field()
    {
        await OpenPromptAsync(_ => Result.Success());

        var dialog = Dialog();
        var title = Overlays.Find($"#{dialog.GetAttribute("aria-labelledby")}");
        Assert.Equal("Request release of +14155551234", title.TextContent.Trim());
        var textarea = Overlays.Find("textarea");
        Assert.Equal("Reason for the release", Overlays.Find($"label[for='{textarea.Id}']").TextContent.Trim());
    }

    [Fact]
    public async Task Submitting_hands_the_text_to_the_use_case_and_shows_its_refusal_with_the_fix()
    {
        var refusal = new Error(Errors.NumberInUse, "Phone number is assigned to 1 active agent", "Detach the agent (Bot) and try again");
        await OpenPromptAsync(text =>
        {
            _submitted.Add(text);
            return refusal;
        });

        Overlays.Find("textarea").Input("A perfectly valid reason.");
        Overlays.Find("[data-testid=prompt-submit]").Click();

        var error = Overlays.WaitForElement("[data-testid=prompt-error]");
        Assert.Equal(["A perfectly valid reason."], _submitted);
        Assert.Contains(refusal.Message, error.TextContent);
        Assert.Contains(refusal.Fix, error.TextContent);
    }

    private async Task OpenPromptAsync(Func<string, Result> submit)
    {
        SignIn(Actor.Create("usr_owner", Cast.OwnerEmail, PortalRoles.Owner));
        var prompt = new TextPrompt("Request release of +14155551234", null, "Reason for the release", TextRule.Reason, "Send request", text => Task.FromResult(submit(text)));
        var feedback = Services.GetRequiredService<IPortalFeedback>();
        _ = Overlays.InvokeAsync(() => feedback.PromptAsync(prompt));
        await Task.Yield();
        Overlays.WaitForElement("textarea");
    }
}
