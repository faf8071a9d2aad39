namespace CoproWeek.Hub.Http;

/// <summary>The words of problem details people read (RFC 9457 <c>title</c> and <c>detail</c>): <c>ProblemText.resx</c> and its Welsh twin.</summary>
public sealed class ProblemText;
