namespace AdminPortal.Application.Tests.Support;

/// <summary>Reasons and notes at and around the 10–500 character bounds, counted as people count characters.</summary>
public static class Texts
{
    public static TheoryData<string, string> Refused => new()
    {
        { "9 characters", new string('r', 9) },
        { "501 characters", new string('r', 501) },
        { "9 characters padded with spaces", "     " + new string('r', 9) + "      " },
        { "whitespace only", "   \t\n   \u00A0   " },
        { "empty", string.Empty },
        { "9 emoji", string.Concat(Enumerable.Repeat("📞", 9)) },
        { "501 accented letters", string.Concat(Enumerable.Repeat("é", 501)) },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "10 characters", new string('r', 10) },
        { "500 characters", new string('r', 500) },
        { "10 characters padded with spaces", "   " + new string('r', 10) + "   " },
        { "10 emoji (20 UTF-16 units)", string.Concat(Enumerable.Repeat("📞", 10)) },
        { "500 emoji (1000 UTF-16 units)", string.Concat(Enumerable.Repeat("📞", 500)) },
        { "500 decomposed accented letters", string.Concat(Enumerable.Repeat("e\u0301", 500)) },
    };
}
