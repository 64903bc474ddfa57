using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Numbers;

/// <summary>
/// An enum column as the name it is stored by, inside a database query: compared with text in the column's ordinal order
/// (NumberKeyset), a range that an index seeks, where a list of the names beyond a cursor is read value by value.
/// </summary>
public static class StoredName
{
    public static string Of(NumberStatus status) => throw new InvalidOperationException("StoredName.Of runs only inside a database query.");

    public static string Of(NumberType type) => throw new InvalidOperationException("StoredName.Of runs only inside a database query.");
}
