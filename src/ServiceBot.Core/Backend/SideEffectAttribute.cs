namespace ServiceBot.Backend;

/// <summary>
/// Marks a kernel function that changes the world (submits an application, files a complaint).
/// Such functions run only through the confirmed task form, never on a model's request; see
/// <see cref="BackendFunctions.IsReadOnly"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SideEffectAttribute : Attribute;
