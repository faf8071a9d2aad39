using CoproWeek.Hub.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CoproWeek.Functions;

/// <summary>
/// A body that ends before its declared length, or arrives too slowly, is the client's fault: it is answered with a
/// 4xx problem, as the self-host does, rather than left to become a 500.
/// </summary>
internal sealed class UnreadableBodies : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Unreadable(e) is not null && context.GetHttpContext() is { Response.HasStarted: false })
        {
            await Problems.UnreadableBody(Unreadable(e)!).ExecuteAsync(context.GetHttpContext()!);
        }
    }

    private static BadHttpRequestException? Unreadable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad)
            {
                return bad;
            }
        }
        return null;
    }
}
