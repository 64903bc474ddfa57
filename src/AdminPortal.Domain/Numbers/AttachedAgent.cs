namespace AdminPortal.Domain.Numbers;

/// <summary>A voice agent that answers or places calls on a number.</summary>
public sealed class AttachedAgent
{
    private AttachedAgent()
    {
    }

    public AttachedAgent(string agentId, string name)
    {
        AgentId = agentId;
        Name = name;
    }

    public long Id { get; private set; }

    public string AgentId { get; private set; } = null!;

    public string Name { get; private set; } = null!;
}
