using System.Globalization;

namespace AdminPortal.Domain.Common;

/// <summary>
/// Free text with a length range, counted in characters as people see them (text elements),
/// so that an emoji or an accented letter counts once however many UTF-16 units it takes.
/// </summary>
public static class BoundedText
{
    public const int MinLength = 10;
    public const int MaxLength = 500;

    /// <summary>The most UTF-16 units stored, whatever they draw: a text field accepts no more.</summary>
    public const int MaxStoredLength = 2000;

    public static int Length(string? text) => new StringInfo((text ?? string.Empty).Trim()).LengthInTextElements;

    public static bool IsValid(string? text) => Length(text) is >= MinLength and <= MaxLength;

    public static Result<string> Validate(string? text, string code, string what)
    {
        var length = Length(text);
        if (length is >= MinLength and <= MaxLength)
        {
            return text!.Trim();
        }

        var problem = length == 0 ? "is empty" : $"has {length} characters";
        return new Error(
            code,
            $"The {what} {problem}; it must have {MinLength} to {MaxLength} characters (leading and trailing spaces do not count)",
            length < MinLength ? $"Write a {what} of at least {MinLength} characters" : $"Shorten the {what} to at most {MaxLength} characters");
    }
}
