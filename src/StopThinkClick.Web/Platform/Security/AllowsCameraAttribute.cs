namespace StopThinkClick.Web.Platform.Security;

/// <summary>
/// Marks the one page that may ask for the tablet's camera: the pupil sign-in page, where a child
/// can scan their login card. Every other page keeps <c>camera=()</c>, so no other script — ours
/// or anything that ever slipped in — can turn a classroom camera on.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowsCameraAttribute : Attribute;
