namespace CoproWeek.Hub.Subscriptions.Pages;

/// <summary>
/// A short subscription page in the reader's language: a title, a few paragraphs, and perhaps one button (a form that
/// POSTs to <see cref="NoticeButton.Action"/>) and one link. The words are already in the page's language.
/// </summary>
public sealed record Notice(string Title, IReadOnlyList<string> Paragraphs, NoticeButton? Button = null, NoticeLink? Link = null);

public sealed record NoticeButton(string Action, string Text);

public sealed record NoticeLink(string Href, string Text);
