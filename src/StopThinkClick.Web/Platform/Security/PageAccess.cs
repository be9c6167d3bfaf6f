using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace StopThinkClick.Web.Platform.Security;

/// <summary>
/// Deny by default: the fallback authorization policy (SignIn/SignInSetup.cs) asks for a signed-in
/// person on every page and endpoint that says nothing, so a new page someone forgets to mark is
/// closed, not public. The pages meant for anyone are opened here, in one place, by folder where a
/// whole folder is public and by page where a folder is mixed. Which role may open a closed page
/// stays on the page ([Authorize(Policy = …)]).
/// </summary>
public static class PageAccess
{
    /// <summary>
    /// Folders where every page is for anyone: the home, privacy and error pages, the parents' home
    /// guides and app guides, joining a live lesson by code.
    /// </summary>
    static readonly string[] PublicFolders = ["/Home", "/Parents/Guides", "/Parents/Apps", "/Live/Join"];

    /// <summary>Single public pages in folders that also hold signed-in pages: signing in and out, and a parent's invitation.</summary>
    static readonly string[] PublicPages =
    [
        "/SignIn/AdultSignIn", "/SignIn/SignOut", "/SignIn/LoginCard",
        "/SignIn/PupilClassCode", "/SignIn/PupilPickName", "/SignIn/PupilPictures",
        "/Parents/Join",
        // A school's curriculum, when the school chose to publish it (not found otherwise).
        "/Curriculum/Public/PublicCurriculum",
        // The two-step code after a right password, a one-time password link, a forgotten password.
        "/SignIn/TwoStep/SignInCode", "/SignIn/Account/SetPassword", "/SignIn/Account/Forgot",
    ];

    public static void OpenPublicPages(this PageConventionCollection conventions)
    {
        foreach (var folder in PublicFolders) conventions.AllowAnonymousToFolder(folder);
        foreach (var page in PublicPages) conventions.AllowAnonymousToPage(page);
    }
}
