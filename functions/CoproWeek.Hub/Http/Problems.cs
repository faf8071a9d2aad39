using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoproWeek.Hub.Http;

/// <summary>RFC 9457 problem details, written the same way everywhere.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string detail = "Some answers need changing. Each field below says what to do.") =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "Check your answers", type: "https://coproductionweek.example/problems/validation");

    /// <summary>The same in the request's language (<c>?lang=cy</c>): the title and detail people read; the field names stay as they are.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, Language language) =>
        TypedResults.ValidationProblem(errors, detail: Rendering.Localised.Get<ProblemText>("ValidationDetail", language),
            title: Rendering.Localised.Get<ProblemText>("ValidationTitle", language), type: "https://coproductionweek.example/problems/validation");

    public static ProblemHttpResult Status(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>
    /// The answer when the request's body could not be read as sent: shorter than its Content-Length, too slow, or
    /// cut off. The server's own exception carries the 4xx status it stands for (400, 408, 413).
    /// </summary>
    public static ProblemHttpResult UnreadableBody(BadHttpRequestException e) =>
        Status(e.StatusCode is >= 400 and < 500 ? e.StatusCode : StatusCodes.Status400BadRequest, "The request could not be read",
            "The body ended before its declared length, arrived too slowly, or was too large. Send it again whole.");

    public static ProblemHttpResult NotFound() =>
        Status(StatusCodes.Status404NotFound, "Not found", "There is nothing here, or the link is not right. Check the link in your email.");
}
