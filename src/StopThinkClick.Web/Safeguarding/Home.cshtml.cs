using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Safeguarding;

[Authorize(Policy = Policies.Safeguarding)]
public sealed class HomeModel : PageModel;
