namespace CoproWeek.Hub.Digests;

/// <summary>The digests' words, in the email and on its web copy: <c>Digests/DigestText.resx</c> and its Welsh twin.</summary>
public sealed class DigestText;
