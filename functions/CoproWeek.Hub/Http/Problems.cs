using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoproWeek.Hub.Http;

/// <summary>RFC 9457 problem details, written the same way everywhere.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string detail = "Some answers need changing. Each field below says what to do.") =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "Check your answers", type: "https://coproductionweek.example/problems/validation");

    public static ProblemHttpResult Status(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static ProblemHttpResult NotFound() =>
        Status(StatusCodes.Status404NotFound, "Not found", "There is nothing here, or the link is not right. Check the link in your email.");
}
