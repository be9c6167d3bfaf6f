using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.Platform.Database;

namespace StopThinkClick.Web.Home;

/// <summary>
/// Never a stack trace: a slow or unreachable database gets "busy, try again" (503), anything
/// else a calm apology (500). The details go to the server log.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public bool Busy { get; private set; }

    public IActionResult OnGet() => Handle();
    public IActionResult OnPost() => Handle();

    IActionResult Handle()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is null) return NotFound(); // only ever shown in place of a failed request
        Busy = DatabaseTrouble.Is(error);
        Response.StatusCode = Busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (error is not null && !Busy) logger.LogError(error, "Unhandled error on {Path}", HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        else if (error is not null) logger.LogWarning("The database was slow or unreachable: {Message}", error.Message);
        return Page();
    }
}
