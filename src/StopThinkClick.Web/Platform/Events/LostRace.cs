using JasperFx;
using Marten.Exceptions;

namespace StopThinkClick.Web.Platform.Events;

/// <summary>
/// A write that lost a race to another write of the same stream or document: a newer stream
/// version, two writes both starting a new stream, or both inserting one document. The caller
/// reads again and decides again; nothing was stored.
/// </summary>
public static class LostRace
{
    public static bool Is(Exception e) =>
        e is ConcurrencyException or ExistingStreamIdCollisionException or DocumentAlreadyExistsException
        || e.InnerException is { } inner && Is(inner);
}
