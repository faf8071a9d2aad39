namespace CoproWeek.Hub.Email;

/// <summary>The words of every one-to-one email and the emails' frame: <c>Email/EmailText.resx</c> and its Welsh twin.</summary>
public sealed class EmailText;
