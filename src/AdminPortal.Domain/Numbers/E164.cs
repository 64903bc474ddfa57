using System.Globalization;
using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.Numbers;

/// <summary>A phone number in canonical E.164 form: '+', a country code and up to 15 digits in all.</summary>
public sealed record E164
{
    public const int MaxDigits = 15;
    public const int MinDigits = 8;
    public const int MaxLength = MaxDigits + 1;

    /// <summary>The longest input read as a number: room for spaces, dashes and brackets around 15 digits.</summary>
    public const int MaxInputLength = 32;

    private E164(string value) => Value = value;

    public string Value { get; }

    /// <summary>Accepts "+14155551234", "14155551234", "+1 415-555-1234", "+1 (415) 555.1234".</summary>
    public static Result<E164> Parse(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        var digits = new List<char>(MaxDigits);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return Invalid(input);
            }
        }

        if (digits.Count is < MinDigits or > MaxDigits || digits[0] == '0')
        {
            return Invalid(input);
        }

        return new E164("+" + new string(digits.ToArray()));
    }

    public static E164 From(string canonical) =>
        Parse(canonical) is { IsSuccess: true } parsed && parsed.Value.Value == canonical
            ? parsed.Value
            : throw new ArgumentException($"'{canonical}' is not a canonical E.164 number", nameof(canonical));

    public override string ToString() => Value;

    // Only a short, plainly printable input is repeated back: an error must not carry a caller's control characters, direction
    // overrides or kilobytes into a log line or a page.
    private static Error Invalid(string? input) => new(
        Errors.InvalidE164,
        input is { Length: <= MaxInputLength } && input.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            ? $"'{input}' is not a valid phone number in E.164 format"
            : "That is not a valid phone number in E.164 format",
        $"Give the country code and number, {MinDigits} to {MaxDigits} digits, for example +14155551234 (spaces and dashes are allowed)");
}
