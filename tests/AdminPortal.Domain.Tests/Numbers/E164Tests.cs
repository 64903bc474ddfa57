using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Numbers;

public sealed class E164Tests
{
    [Theory]
    [InlineData("+14155551234", "+14155551234")]
    [InlineData("14155551234", "+14155551234")]
    [InlineData("+1 415-555-1234", "+14155551234")]
    [InlineData("+1 (415) 555.1234", "+14155551234")]
    [InlineData("  +442071838750  ", "+442071838750")]
    [InlineData("+4930123456", "+4930123456")]
    public void Parse_accepts_a_number_with_or_without_plus_spaces_or_dashes_and_stores_it_canonically(string input, string canonical)
    {
        var parsed = E164.Parse(input).Succeeded();

        Assert.Equal(canonical, parsed.Value);
        Assert.Equal(canonical, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("not a number")]
    [InlineData("+1415555ABCD")]
    [InlineData("+1 415 555 12x4")]
    [InlineData("+1234567")]
    [InlineData("1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+04155551234")]
    [InlineData("04155551234")]
    [InlineData("1+4155551234")]
    [InlineData("++14155551234")]
    [InlineData("+1_415_555_1234")]
    public void Parse_rejects_garbage_too_short_too_long_a_leading_zero_or_letters_with_INVALID_E164(string? input)
    {
        var error = E164.Parse(input).Failed(Errors.InvalidE164);

        Assert.Contains("E.164", error.Message);
        Assert.Contains("+14155551234", error.Fix);
    }

    [Fact]
    public void Parse_accepts_8_and_15_digits_the_shortest_and_longest_E164_numbers()
    {
        Assert.Equal("+12345678", E164.Parse("+12345678").Succeeded().Value);
        Assert.Equal("+123456789012345", E164.Parse("+123456789012345").Succeeded().Value);
    }

    [Fact]
    public void The_error_message_names_the_input_that_was_refused()
    {
        var error = E164.Parse("call me maybe").Failed(Errors.InvalidE164);

        Assert.Contains("'call me maybe'", error.Message);
    }

    [Theory]
    [InlineData("1\u001B[31m\r\nfake")]
    [InlineData("1415\u202E5560017")]
    [InlineData("+1415555\uD83D\uDE00")]
    [InlineData("+1415555123412345678901234567890123")]
    public void The_error_message_does_not_repeat_control_characters_direction_overrides_or_long_input(string input)
    {
        var error = E164.Parse(input).Failed(Errors.InvalidE164);

        Assert.Equal("That is not a valid phone number in E.164 format", error.Message);
    }

    [Fact]
    public void From_returns_a_canonical_number_and_refuses_a_non_canonical_one()
    {
        Assert.Equal("+14155551234", E164.From("+14155551234").Value);
        Assert.Throws<ArgumentException>(() => E164.From("1 415-555-1234"));
    }
}
