using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Schools;

[Authorize(Policy = Policies.SchoolAdmin)]
public sealed class AdminHomeModel : PageModel;
