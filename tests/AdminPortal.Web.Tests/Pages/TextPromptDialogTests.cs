using AdminPortal.Domain.Common;
using AdminPortal.Web.Components.Shared;
using Bunit;

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
    public void The_counter_follows_the_text_and_submit_is_disabled_outside_10_to_500(int length, string counter, bool disabled, bool flagged)
    {
        var cut = RenderPrompt(_ => Result.Success());

        cut.Find("textarea").Input(new string('x', length));

        Assert.Equal(counter, cut.Find("[data-testid=prompt-count]").TextContent);
        Assert.Equal(disabled, cut.Find("[data-testid=prompt-submit]").HasAttribute("disabled"));
        Assert.Equal(flagged, cut.Find("[data-testid=prompt-count]").ClassList.Contains("counter-invalid"));
    }

    [Fact]
    public void Spaces_around_the_text_do_not_count_and_an_emoji_counts_once()
    {
        var cut = RenderPrompt(_ => Result.Success());

        cut.Find("textarea").Input("   " + string.Concat(Enumerable.Repeat("👍🏽", 10)) + "   ");

        Assert.Equal("10 / 500", cut.Find("[data-testid=prompt-count]").TextContent);
        Assert.False(cut.Find("[data-testid=prompt-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Submitting_hands_the_text_to_the_use_case_and_shows_its_refusal_with_the_fix()
    {
        var refusal = new Error(Errors.NumberInUse, "Phone number is assigned to 1 active agent", "Detach the agent (Bot) and try again");
        var cut = RenderPrompt(text =>
        {
            _submitted.Add(text);
            return refusal;
        });

        cut.Find("textarea").Input("A perfectly valid reason.");
        cut.Find("[data-testid=prompt-submit]").Click();

        Assert.Equal(["A perfectly valid reason."], _submitted);
        var error = cut.WaitForElement("[data-testid=prompt-error]");
        Assert.Contains(refusal.Message, error.TextContent);
        Assert.Contains(refusal.Fix, error.TextContent);
    }

    private IRenderedComponent<TextPromptDialog> RenderPrompt(Func<string, Result> submit) =>
        Render<TextPromptDialog>(p => p
            .Add(x => x.Label, "Reason for the release")
            .Add(x => x.SubmitText, "Send request")
            .Add(x => x.Submit, text => Task.FromResult(submit(text))));
}
