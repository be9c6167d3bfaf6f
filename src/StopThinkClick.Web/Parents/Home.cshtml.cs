using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StopThinkClick.Web.SignIn;

namespace StopThinkClick.Web.Parents;

[Authorize(Policy = Policies.Parent)]
public sealed class HomeModel : PageModel;
