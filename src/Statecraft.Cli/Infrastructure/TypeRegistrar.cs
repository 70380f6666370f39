using Spectre.Console.Cli;

namespace Statecraft.Cli.Infrastructure;

/// <summary>
/// The smallest container Spectre.Console.Cli needs: registered instances (the console, the clock)
/// plus constructor injection for commands. Lets tests hand commands a TestConsole.
/// </summary>
public sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = new();

    public void Register(Type service, Type implementation) =>
        _factories[service] = () => Resolver.Create(this, implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        object? made = null;
        _factories[service] = () => made ??= factory();
    }

    public ITypeResolver Build() => new Resolver(this);

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null) return null;
            if (registrar._factories.TryGetValue(type, out var factory)) return factory();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                // Spectre asks for IEnumerable<T> of optional services; give what is registered.
                var element = type.GetGenericArguments()[0];
                var items = registrar._factories.TryGetValue(element, out var one) ? new[] { one() } : [];
                var array = Array.CreateInstance(element, items.Length);
                items.CopyTo(array, 0);
                return array;
            }

            return type.IsAbstract || type.IsInterface ? null : Create(registrar, type);
        }

        internal static object Create(TypeRegistrar registrar, Type type)
        {
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var resolver = new Resolver(registrar);
            var args = ctor.GetParameters()
                .Select(p => resolver.Resolve(p.ParameterType)
                    ?? throw new InvalidOperationException($"Cannot resolve {p.ParameterType} for {type}."))
                .ToArray();
            return ctor.Invoke(args);
        }
    }
}
