using System.Security.Cryptography;
using System.Text;

namespace StopThinkClick.Web.Platform.Events;

/// <summary>A stable id for an action that has no id of its own (pupil X affirms promise Y), so a repeat is recognised.</summary>
public static class Keys
{
    public static Guid For(params object[] parts) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts))));
}
