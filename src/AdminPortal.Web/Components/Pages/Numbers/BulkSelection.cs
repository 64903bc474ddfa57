namespace AdminPortal.Web.Components.Pages.Numbers;

/// <summary>The numbers chosen on the Numbers page, handed to the bulk release page of the same circuit.</summary>
public sealed class BulkSelection
{
    public string? AccountId { get; private set; }

    public IReadOnlyList<string> Numbers { get; private set; } = [];

    public void Choose(string? accountId, IEnumerable<string> numbers)
    {
        AccountId = accountId;
        Numbers = [.. numbers.Distinct()];
    }

    /// <summary>What was chosen, once: the bulk page takes it and the next visit starts empty.</summary>
    public (string? AccountId, IReadOnlyList<string> Numbers) Take()
    {
        var taken = (AccountId, Numbers);
        (AccountId, Numbers) = (null, []);
        return taken;
    }
}
