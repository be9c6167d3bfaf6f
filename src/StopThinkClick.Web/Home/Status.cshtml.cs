using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StopThinkClick.Web.Home;

/// <summary>Friendly pages for "not found", "not allowed" and "too many tries", kept with their status codes.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    void Describe(int code) => (Title, Text) = code switch
    {
        404 => ("We can't find that page", "It may have moved, or the link may be wrong."),
        403 => ("This page is not for your account", "Go back to your start page."),
        429 => ("Too many tries", "Please wait a minute, then try again."),
        400 => ("Something in that request was not right", "Please go back and try again."),
        _ => ("Something went wrong", "Please go back and try again."),
    };
}
