using AdminPortal.Domain.Common;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Common;

public sealed class BoundedTextTests
{
    public static TheoryData<string, int> TooShortOrTooLong => new()
    {
        { new string('a', 9), 9 },
        { new string('a', 501), 501 },
        { "  " + new string('a', 9) + "    ", 9 },
        { string.Concat(Enumerable.Repeat("👍", 9)), 9 },
        { string.Concat(Enumerable.Repeat("👍", 501)), 501 },
        { string.Concat(Enumerable.Repeat("e\u0301", 501)), 501 },
    };

    public static TheoryData<string, int> WithinBounds => new()
    {
        { new string('a', 10), 10 },
        { new string('a', 500), 500 },
        { "   " + new string('a', 10) + "\t\n ", 10 },
        { string.Concat(Enumerable.Repeat("👍", 10)), 10 },
        { string.Concat(Enumerable.Repeat("👍", 500)), 500 },
        { string.Concat(Enumerable.Repeat("é", 500)), 500 },
        { string.Concat(Enumerable.Repeat("e\u0301", 500)), 500 },
        { string.Concat(Enumerable.Repeat("👨‍👩‍👧", 10)), 10 },
    };

    [Theory]
    [MemberData(nameof(WithinBounds))]
    public void Text_of_10_to_500_characters_after_trimming_is_accepted_trimmed(string text, int characters)
    {
        var accepted = BoundedText.Validate(text, Errors.ReasonLength, "reason").Succeeded();

        Assert.Equal(text.Trim(), accepted);
        Assert.Equal(characters, BoundedText.Length(text));
        Assert.True(BoundedText.IsValid(text));
    }

    [Theory]
    [MemberData(nameof(TooShortOrTooLong))]
    public void Text_shorter_than_10_or_longer_than_500_characters_is_refused_with_the_given_code(string text, int characters)
    {
        var error = BoundedText.Validate(text, Errors.NoteLength, "note").Failed(Errors.NoteLength);

        Assert.Contains($"has {characters} characters", error.Message);
        Assert.Contains("10 to 500", error.Message);
        Assert.False(BoundedText.IsValid(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("          ")]
    [InlineData(" \t\r\n \u00A0 \u2003  ")]
    public void Missing_or_whitespace_only_text_is_refused_as_empty(string? text)
    {
        var error = BoundedText.Validate(text, Errors.ReasonLength, "reason").Failed(Errors.ReasonLength);

        Assert.Contains("The reason is empty", error.Message);
        Assert.Equal(0, BoundedText.Length(text));
    }

    [Fact]
    public void Multi_byte_characters_count_once_each_however_many_UTF16_units_they_take()
    {
        var emoji = string.Concat(Enumerable.Repeat("👍", 10));

        Assert.Equal(20, emoji.Length);
        Assert.Equal(10, BoundedText.Length(emoji));
        Assert.Equal(2, "e\u0301".Length);
        Assert.Equal(1, BoundedText.Length("e\u0301"));
    }

    [Fact]
    public void The_fix_hint_says_which_way_to_change_the_text()
    {
        var tooShort = BoundedText.Validate("too short", Errors.ReasonLength, "reason").Failed(Errors.ReasonLength);
        var tooLong = BoundedText.Validate(new string('x', 501), Errors.ReasonLength, "reason").Failed(Errors.ReasonLength);

        Assert.Contains("at least 10", tooShort.Fix);
        Assert.Contains("at most 500", tooLong.Fix);
    }
}
