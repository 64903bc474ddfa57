using System.Text;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Common;

public sealed class TextRuleTests
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
        { string.Concat(Enumerable.Repeat("a\u0301\u0302\u0303\u0304", 10)), 10 },
        { "Line one\r\nline two\tends here.", 28 },
    };

    public static TheoryData<string, string> Hidden => new()
    {
        { string.Concat(Enumerable.Repeat("\u200b", 10)), "U+200B" },
        { "Release this line \u202Eenil siht esaeler", "U+202E" },
        { "Release this line \u2066now\u2069 please", "U+2066" },
        { "Release this\0 line please", "U+0000" },
        { "Release this line please\u0007", "U+0007" },
        { "\uFEFFRelease this line please", "U+FEFF" },
        { string.Concat(Enumerable.Repeat("a\u0301\u0302\u0303\u0304\u0305\u0306", 10)), "more than 4 accents" },
        { "Valid reason \U000E0069\U000E0067 hidden tags", "U+E0069" },
        { "Valid reason \U0001D173 beam", "U+1D173" },
        { "Release this line \u3164\u3164\u3164 now", "U+3164" },
        { "\u2800\u2800\u2800\u2800\u2800\u2800\u2800\u2800\u2800\u2800", "U+2800" },
        { "Release\u115F this line please", "U+115F" },
    };

    [Theory]
    [MemberData(nameof(WithinBounds))]
    public void Text_of_10_to_500_characters_after_trimming_is_accepted_trimmed_and_normalised(string text, int characters)
    {
        var accepted = TextRule.Reason.Check(text).Succeeded();

        Assert.Equal(text.Trim().Normalize(NormalizationForm.FormC), accepted);
        Assert.Equal(characters, TextRule.Reason.Length(text));
        Assert.True(TextRule.Reason.IsValid(text));
        Assert.Equal("Looks good.", TextRule.Reason.Hint(text));
    }

    [Theory]
    [MemberData(nameof(TooShortOrTooLong))]
    public void Text_shorter_than_10_or_longer_than_500_characters_is_refused_with_the_rules_code(string text, int characters)
    {
        var error = TextRule.Note.Check(text).Failed(Errors.NoteLength);

        Assert.Contains($"has {characters} characters", error.Message);
        Assert.Contains("10 to 500", error.Message);
        Assert.False(TextRule.Note.IsValid(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("          ")]
    [InlineData(" \t\r\n \u00A0 \u2003  ")]
    public void Missing_or_whitespace_only_text_is_refused_as_empty(string? text)
    {
        var error = TextRule.Reason.Check(text).Failed(Errors.ReasonLength);

        Assert.Contains("The reason is empty", error.Message);
        Assert.Equal(0, TextRule.Reason.Length(text));
    }

    [Theory]
    [MemberData(nameof(Hidden))]
    public void Invisible_controls_formatting_characters_broken_text_and_stacked_marks_are_refused_with_INVALID_TEXT(string text, string named)
    {
        var error = TextRule.Reason.Check(text).Failed(Errors.InvalidText);

        Assert.Contains(named, error.Message);
        Assert.Contains("plain text", error.Fix);
        Assert.False(TextRule.Reason.IsValid(text));
        Assert.Equal($"{error.Message}. {error.Fix}.", TextRule.Reason.Hint(text));
        Assert.True(TextRule.Reason.Length(text) > 0);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_refused_as_not_valid_Unicode()
    {
        var error = TextRule.Reason.Check("Release this line \ud800 please").Failed(Errors.InvalidText);

        Assert.Contains("not valid Unicode", error.Message);
    }

    [Fact]
    public void Ten_letters_each_carrying_fifty_thousand_marks_are_refused_by_their_size_in_storage()
    {
        var tower = string.Concat(Enumerable.Repeat("a" + new string('\u0301', 50_000), 10));

        var error = TextRule.Reason.Check(tower).Failed(Errors.ReasonLength);

        Assert.Contains("at most 2,000 are kept", error.Message);
    }

    [Theory]
    [InlineData(2000, "2,000")]
    [InlineData(2001, "2,001")]
    [InlineData(60_000, "60,000")]
    public void Text_too_long_gets_the_10_to_500_message_with_its_count_at_any_length(int characters, string count)
    {
        foreach (var (rule, code) in new[] { (TextRule.Reason, Errors.ReasonLength), (TextRule.Note, Errors.NoteLength) })
        {
            var error = rule.Check(new string('a', characters)).Failed(code);

            Assert.Equal($"The {rule.What} has {count} characters; it must have 10 to 500 characters (leading and trailing spaces do not count)", error.Message);
        }
    }

    [Fact]
    public void Counts_in_messages_and_hints_have_thousands_separated_by_commas_whatever_the_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var text = new string('a', 2001);

            Assert.StartsWith("The reason has 2,001 characters;", TextRule.Reason.Check(text).Failed(Errors.ReasonLength).Message);
            Assert.Equal("At most 500 characters (1,501 too many).", TextRule.Reason.Hint(text));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Text_over_2000_UTF16_units_is_refused_even_with_500_characters_or_fewer()
    {
        var families = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 300));

        Assert.True(families.Length > 2000);
        TextRule.Reason.Check(families).Failed(Errors.ReasonLength);
    }

    [Theory]
    [InlineData("Not needed", 10)]
    [InlineData("a        b", 10)]
    [InlineData("Line one\nline", 13)]
    public void Spaces_and_line_breaks_inside_the_text_count_as_characters(string text, int characters)
    {
        Assert.Equal(text, TextRule.Reason.Check(text).Succeeded());
        Assert.Equal(characters, TextRule.Reason.Length(text));
    }

    [Fact]
    public void Text_that_normalisation_lengthens_past_the_stored_cap_is_refused_with_the_rules_code()
    {
        // U+FB2C and U+0344 are never composed: NFC turns each into two or three code points, 2,500 units from 1,000.
        var text = string.Concat(Enumerable.Repeat("\uFB2C\u0344", 500));

        Assert.True(text.Length <= 2000);
        var error = TextRule.Reason.Check(text).Failed(Errors.ReasonLength);
        Assert.Contains("at most 2,000 are kept", error.Message);
        TextRule.AccountName.Check(new string('\uFB2C', 100)).Failed(Errors.AccountNameLength);
    }

    [Fact]
    public void Marks_beyond_the_first_65536_code_points_count_towards_the_four_a_character_carries()
    {
        var tower = "Reason with a" + string.Concat(Enumerable.Repeat("\U0001D167", 5));

        TextRule.Reason.Check(tower).Failed(Errors.InvalidText);
        Assert.True(TextRule.Reason.IsValid("Reason with a" + string.Concat(Enumerable.Repeat("\U0001D167", 4))));
    }

    [Fact]
    public void Multi_byte_characters_count_once_each_however_many_UTF16_units_they_take()
    {
        var emoji = string.Concat(Enumerable.Repeat("👍", 10));

        Assert.Equal(20, emoji.Length);
        Assert.Equal(10, TextRule.Reason.Length(emoji));
        Assert.Equal(1, TextRule.Reason.Length("e\u0301"));
        Assert.Equal("é", TextRule.Reason.Check("e\u0301 and more text").Succeeded()[..1]);
    }

    [Fact]
    public void The_fix_and_the_hint_say_which_way_to_change_the_text()
    {
        var tooShort = TextRule.Reason.Check("too short").Failed(Errors.ReasonLength);
        var tooLong = TextRule.Reason.Check(new string('x', 501)).Failed(Errors.ReasonLength);

        Assert.Contains("at least 10", tooShort.Fix);
        Assert.Contains("at most 500", tooLong.Fix);
        Assert.Equal("At least 10 characters (1 more).", TextRule.Reason.Hint("too short"));
        Assert.Equal("At most 500 characters (1 too many).", TextRule.Reason.Hint(new string('x', 501)));
    }

    [Fact]
    public void A_key_name_has_1_to_100_characters()
    {
        Assert.Equal("ci", TextRule.KeyName.Check("  ci ").Succeeded());
        TextRule.KeyName.Check(new string('n', 101)).Failed(Errors.ApiKeyNameLength);
        TextRule.KeyName.Check("ci\u202E").Failed(Errors.InvalidText);
    }
}
