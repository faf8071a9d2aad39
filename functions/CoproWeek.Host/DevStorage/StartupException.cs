namespace CoproWeek.Host.DevStorage;

/// <summary>A reason the hub cannot start, said in one line to the person running it.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
