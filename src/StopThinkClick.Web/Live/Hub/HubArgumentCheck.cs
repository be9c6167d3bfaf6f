using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace StopThinkClick.Web.Live.Hub;

/// <summary>
/// Before any hub method runs: an argument the method cannot do without (a null where the
/// signature says "never null", or a null inside a list) is refused with a plain message, and an
/// argument exception from deeper down becomes one too. A hand-made or broken client then hears
/// what was wrong, instead of "Something went wrong" and a NullReferenceException in the log.
/// Registered after <see cref="HubGuard"/>, so it runs inside the guard's rate limit.
/// </summary>
public sealed class HubArgumentCheck(ILogger<HubArgumentCheck> logger) : IHubFilter
{
    /// <summary>Per hub method: for each parameter, whether null is allowed (its nullable annotation).</summary>
    static readonly ConcurrentDictionary<MethodInfo, (string Name, bool MayBeNull, bool ItemsMayBeNull)[]> Shapes = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Problem(invocation.HubMethod, invocation.HubMethodArguments) is { } problem)
        {
            logger.LogInformation("Live call {Method} refused: {Problem}", invocation.HubMethodName, problem);
            throw new HubException($"That could not be read: {problem}. Please try again.");
        }
        try
        {
            return await next(invocation);
        }
        catch (ArgumentException e)
        {
            logger.LogWarning("Live call {Method} given a bad argument: {Message}", invocation.HubMethodName, e.Message);
            throw new HubException("That could not be read. Please try again.");
        }
    }

    /// <summary>What is wrong with the arguments, in a few words, or null when they can be used.</summary>
    public static string? Problem(MethodInfo method, IReadOnlyList<object?> arguments)
    {
        var shape = Shapes.GetOrAdd(method, Shape);
        for (var i = 0; i < shape.Length && i < arguments.Count; i++)
        {
            var (name, mayBeNull, itemsMayBeNull) = shape[i];
            if (arguments[i] is null && !mayBeNull) return $"{name} is missing";
            if (arguments[i] is Array items && !itemsMayBeNull && items.Cast<object?>().Any(item => item is null)) return $"{name} has an empty item";
        }
        return null;
    }

    static (string, bool, bool)[] Shape(MethodInfo method)
    {
        var context = new NullabilityInfoContext();
        return method.GetParameters().Select(p =>
        {
            if (p.ParameterType.IsValueType) return (p.Name!, Nullable.GetUnderlyingType(p.ParameterType) is not null, true);
            var info = context.Create(p);
            return (p.Name!, info.ReadState != NullabilityState.NotNull,
                info.ElementType is not { ReadState: NullabilityState.NotNull } element || element.Type.IsValueType);
        }).ToArray();
    }
}
