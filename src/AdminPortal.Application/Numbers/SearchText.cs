namespace AdminPortal.Application.Numbers;

/// <summary>
/// What the numbers list searches for: digits search the number only when the text looks like one ("415-555"), not a
/// label such as "Line 12"; labels match whatever the case.
/// </summary>
internal sealed record SearchText(string Text, string Lower, string? Digits)
{
    public const string LikeEscape = "\\";

    public static SearchText Of(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var looksLikeNumber = digits.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')');
        return new SearchText(text, text.ToLowerInvariant(), looksLikeNumber ? digits : null);
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    public static string Anywhere(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
