using System.Collections;
using System.Reflection;
using Fluid;
using Fluid.Ast;
using Debitor.Core.Documents.Rendering.Views;

namespace Debitor.Core.Documents.Rendering.Html;

/// <summary>
/// Checks, when a template is loaded, that every field it reads exists on the document view: a misspelt field would
/// otherwise print nothing, silently, on every letter. Loop variables take the element type of what they loop over;
/// variables the template assigns itself are not checked.
/// </summary>
internal sealed class TemplateFieldCheck : AstVisitor
{
    private static readonly HashSet<string> ListMembers = new(StringComparer.Ordinal) { "size", "first", "last" };
    private readonly string _template;
    private readonly Dictionary<string, Type?> _scope = new(StringComparer.Ordinal);

    private TemplateFieldCheck(string template) => _template = template;

    /// <summary>Checks a parsed template against <see cref="DocumentView"/>.</summary>
    /// <exception cref="DocumentTemplateException">The template names a field the view does not have.</exception>
    public static void Check(string name, IFluidTemplate template)
    {
        var check = new TemplateFieldCheck(name);
        check.VisitTemplate(template);
    }

    /// <summary>The Liquid name of a property: snake case, as the renderer exposes it.</summary>
    public static string LiquidName(string property) => MemberNameStrategies.SnakeCase(typeof(DocumentView).GetProperty(property)!);

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        var element = ElementType(TypeOf(forStatement.Source));
        var had = _scope.TryGetValue(forStatement.Identifier, out var previous);
        _scope[forStatement.Identifier] = element;
        var result = base.VisitForStatement(forStatement);
        if (had)
        {
            _scope[forStatement.Identifier] = previous;
        }
        else
        {
            _scope.Remove(forStatement.Identifier);
        }

        return result;
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        _scope[assignStatement.Identifier] = null;
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        TypeOf(memberExpression);
        return base.VisitMemberExpression(memberExpression);
    }

    private Type? TypeOf(Expression expression)
    {
        if (expression is not MemberExpression member)
        {
            return null;
        }

        Type? type = null;
        var path = string.Empty;
        for (var i = 0; i < member.Segments.Count; i++)
        {
            var segment = member.Segments[i];
            if (segment is not IdentifierSegment identifier)
            {
                // an index: the element of the list so far
                type = i == 0 ? null : ElementType(type);
                path += "[]";
                continue;
            }

            var name = identifier.Identifier;
            path = path.Length == 0 ? name : path + "." + name;
            if (i == 0)
            {
                if (name == "forloop")
                {
                    return null;
                }

                if (_scope.TryGetValue(name, out type))
                {
                    continue;
                }

                type = typeof(DocumentView);
            }

            if (type is null)
            {
                return null;
            }

            if (ElementType(type) is not null && ListMembers.Contains(name))
            {
                type = null;
                continue;
            }

            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(MemberNameStrategies.SnakeCase(p), name, StringComparison.Ordinal));
            if (property is null)
            {
                throw new DocumentTemplateException(_template, path, $"Template '{_template}' reads the field '{path}', which a document does not have.");
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static Type? ElementType(Type? type)
    {
        if (type is null || type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }
}
