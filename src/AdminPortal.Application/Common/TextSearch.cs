namespace AdminPortal.Application.Common;

/// <summary>Functions the databases translate for text search in queries; they cannot run in memory.</summary>
public static class TextSearch
{
    /// <summary>
    /// The text with ASCII letters in lower case, for a LIKE against a lower-cased pattern. PostgreSQL translates it to
    /// lower(), which its trigram indexes are built on; SQLite's LIKE already ignores ASCII case, so there it is the column
    /// itself (half the cost of calling lower() on every row a search scans).
    /// </summary>
    public static string Fold(string text) => throw new InvalidOperationException("TextSearch.Fold runs only inside a database query.");
}
