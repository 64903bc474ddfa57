using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Components.Shared;

/// <summary>How pages ask and tell: confirmations, counted text prompts and notifications, whatever draws them.</summary>
public interface IPortalFeedback
{
    Task<bool> ConfirmAsync(Confirmation confirmation);

    /// <summary>Asks for a text and hands it to <see cref="TextPrompt.Submit"/> until it succeeds or the person gives up.</summary>
    Task<bool> PromptAsync(TextPrompt prompt);

    void Success(string message);

    void Failure(Error error);

    void Warning(string message, string detail);
}

/// <summary>A question with the words of its confirming button; a destructive one is drawn as such.</summary>
public sealed record Confirmation(string Title, string Message, string ConfirmText, bool Destructive = false);

/// <summary>A reason or a note for a use case, counted by its rule; the use case's refusal is shown in the prompt itself.</summary>
public sealed record TextPrompt(string Title, string? Intro, string Label, TextRule Rule, string SubmitText, Func<string, Task<Result>> Submit, bool Destructive = true);
