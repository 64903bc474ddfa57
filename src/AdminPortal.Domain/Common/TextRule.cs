using System.Globalization;
using System.Text;

namespace AdminPortal.Domain.Common;

/// <summary>
/// Free text people type (a reason, a note, a key name), counted as people see it: characters are text elements, so an
/// emoji or an accented letter counts once. Text is stored normalised (NFC, trimmed) and capped in size whatever it
/// draws; invisible controls and formatting characters are refused, and so are characters stacked with many marks.
/// </summary>
public sealed record TextRule(string What, int MinLength, int MaxLength, int MaxStoredLength, string LengthCode)
{
    /// <summary>Combining marks on one character: enough for any written language, too few to stack a character into a tower.</summary>
    public const int MaxMarksPerCharacter = 4;

    public static readonly TextRule Reason = new("reason", 10, 500, 2000, Errors.ReasonLength);

    public static readonly TextRule Note = new("note", 10, 500, 2000, Errors.NoteLength);

    public static readonly TextRule KeyName = new("key name", 1, 100, 400, Errors.ApiKeyNameLength);

    public static readonly TextRule AccountName = new("account name", 1, 100, 100, Errors.AccountNameLength);

    public static readonly TextRule PersonName = new("name", 1, 100, 400, Errors.InvalidText);

    /// <summary>Characters as a person counts them, after trimming; what a counter beside the field shows.</summary>
    public int Length(string? text) => Measure(text).Length;

    public bool IsValid(string? text) => Check(text).IsSuccess;

    /// <summary>The text as it is stored, or why it cannot be.</summary>
    public Result<string> Check(string? text)
    {
        var measured = Measure(text);
        return measured.Problem ?? (Result<string>)measured.Text;
    }

    /// <summary>A line for the person typing: how far the text is from the rule, or that it fits.</summary>
    public string Hint(string? text)
    {
        var measured = Measure(text);
        return measured.Problem switch
        {
            { Code: Errors.InvalidText } problem => $"{problem.Message}. {problem.Fix}.",
            _ when measured.Length < MinLength => $"At least {Count(MinLength)} {Characters(MinLength)} ({Count(MinLength - measured.Length)} more).",
            _ when measured.Length > MaxLength => $"At most {Count(MaxLength)} characters ({Count(measured.Length - MaxLength)} too many).",
            { } problem => problem.Message + ".",
            null => "Looks good.",
        };
    }

    private Measured Measure(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length > MaxStoredLength)
        {
            return OverStoredCap(text);
        }

        if (Forbidden(text) is { } forbidden)
        {
            // Counted all the same: a counter at zero would say the field is empty.
            return new(text, new StringInfo(text).LengthInTextElements, forbidden);
        }

        // Normalising can lengthen text (some letters decompose into three code points): the cap holds for what is stored.
        text = text.Normalize(NormalizationForm.FormC);
        if (text.Length > MaxStoredLength)
        {
            return OverStoredCap(text);
        }

        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            length++;
            if (elements.GetTextElement().EnumerateRunes().Count(IsMark) > MaxMarksPerCharacter)
            {
                return new(text, length, Invalid($"has a character carrying more than {MaxMarksPerCharacter} accents or marks"));
            }
        }

        return length > MaxLength || length < MinLength ? new(text, length, WrongLength(length)) : new(text, length, null);
    }

    /// <summary>
    /// Text too large to store, said as the person sees it: beyond the limit in characters, the same words as any text too
    /// long; only few characters of many units each (emoji families, marks stacked on letters) are told about the stored size.
    /// </summary>
    private Measured OverStoredCap(string text)
    {
        var length = new StringInfo(text).LengthInTextElements;
        return new(text, length, length > MaxLength ? WrongLength(length) : TooLong(text.Length));
    }

    /// <summary>
    /// Unpaired surrogates, controls other than tab and line breaks, formatting characters other than the joiners that
    /// emoji and scripts need (also beyond the first 65,536 code points, such as tag characters), and the letters and
    /// symbols that draw nothing (Hangul fillers, the blank Braille pattern).
    /// </summary>
    private Error? Forbidden(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return Invalid("is not valid Unicode text");
            }

            rest = rest[used..];
            var refused = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Control when rune.Value is not ('\t' or '\n' or '\r') => $"contains an invisible control character (U+{rune.Value:X4})",
                UnicodeCategory.Format when rune.Value is not (0x200C or 0x200D) => $"contains an invisible formatting character (U+{rune.Value:X4})",
                _ when rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 => $"contains a character that draws nothing (U+{rune.Value:X4})",
                _ => null,
            };
            if (refused is not null)
            {
                return Invalid(refused);
            }
        }

        return null;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private Error Invalid(string problem) => new(
        Errors.InvalidText,
        $"The {What} {problem}",
        $"Type the {What} again as plain text, without pasting hidden characters");

    private Error TooLong(int units) => new(
        LengthCode,
        $"The {What} is {Count(units)} characters long in storage; at most {Count(MaxStoredLength)} are kept",
        $"Shorten the {What} to at most {Count(MaxLength)} characters");

    private Error WrongLength(int length) => new(
        LengthCode,
        $"The {What} {(length == 0 ? "is empty" : $"has {Count(length)} {Characters(length)}")}; it must have {Count(MinLength)} to {Count(MaxLength)} characters (leading and trailing spaces do not count)",
        length < MinLength ? $"Write a {What} of at least {Count(MinLength)} {Characters(MinLength)}" : $"Shorten the {What} to at most {Count(MaxLength)} characters");

    private static string Characters(int count) => count == 1 ? "character" : "characters";

    /// <summary>Counts read the same on every server, whatever its culture: 2,000.</summary>
    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private sealed record Measured(string Text, int Length, Error? Problem);
}
