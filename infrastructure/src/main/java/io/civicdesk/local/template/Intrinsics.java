package io.civicdesk.local.template;

import static io.civicdesk.local.template.Values.list;
import static io.civicdesk.local.template.Values.map;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the template's intrinsic functions mean outside AWS, worked out from a table of references: a
 * {@code Ref}'s target ({@code CatalogTable}, {@code SenderEmail}, {@code AWS::Region}) or a {@code GetAtt}'s
 * {@code Resource.Attribute}, each to its local value. Supports Ref, GetAtt, Sub, Join, Select, Split, If (with
 * Equals, Not, And, Or and named conditions) and FindInMap; anything else, or a reference without a local value,
 * fails naming it.
 */
public final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, String> references;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;

    Intrinsics(Map<String, String> references, Map<String, Object> conditions, Map<String, Object> mappings) {
        this.references = references;
        this.conditions = conditions;
        this.mappings = mappings;
    }

    /** The value as text; null for {@code AWS::NoValue} (the property is then left out, as CloudFormation does). */
    public String resolve(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        Map<String, Object> function = function(value);
        String name = function.keySet().iterator().next();
        Object argument = function.get(name);
        return switch (name) {
            case "Ref" -> "AWS::NoValue".equals(argument) ? null : reference(argument.toString());
            case "Fn::GetAtt" -> reference(list(argument, name).get(0) + "." + list(argument, name).get(1));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> resolveList(list(argument, name).get(1)).stream()
                    .collect(Collectors.joining(resolve(list(argument, name).get(0))));
            case "Fn::Select" -> resolveList(list(argument, name).get(1))
                    .get(Integer.parseInt(resolve(list(argument, name).get(0))));
            case "Fn::If" -> resolve(branch(list(argument, name)));
            case "Fn::FindInMap" -> resolve(findInMap(list(argument, name)));
            default -> throw new IllegalArgumentException(name + " is not supported by the local stack");
        };
    }

    private List<String> resolveList(Object value) {
        if (value instanceof List<?> values) {
            return values.stream().map(this::resolve).toList();
        }
        Map<String, Object> function = function(value);
        if (function.containsKey("Fn::Split")) {
            List<?> arguments = list(function.get("Fn::Split"), "Fn::Split");
            return Arrays.asList(resolve(arguments.get(1)).split(Pattern.quote(resolve(arguments.get(0))), -1));
        }
        if (function.containsKey("Fn::If")) {
            return resolveList(branch(list(function.get("Fn::If"), "Fn::If")));
        }
        throw new IllegalArgumentException("Cannot make a list locally of " + value);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables;
        if (argument instanceof List<?> arguments) {
            text = arguments.get(0).toString();
            variables = map(arguments.get(1), "Fn::Sub variables");
        } else {
            text = argument.toString();
            variables = Map.of();
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement = variable.startsWith("!") ? "${" + variable.substring(1) + "}"
                    : variables.containsKey(variable) ? resolve(variables.get(variable))
                    : reference(variable);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private Object branch(List<?> arguments) {
        return condition(arguments.get(0)) ? arguments.get(1) : arguments.get(2);
    }

    private boolean condition(Object value) {
        if (value instanceof String name) {
            if (!conditions.containsKey(name)) {
                throw new IllegalArgumentException("No condition " + name);
            }
            return condition(conditions.get(name));
        }
        Map<String, Object> function = function(value);
        String name = function.keySet().iterator().next();
        List<?> arguments = name.equals("Condition") ? List.of() : list(function.get(name), name);
        return switch (name) {
            case "Condition" -> condition(function.get(name).toString());
            case "Fn::Equals" -> Objects.equals(resolve(arguments.get(0)), resolve(arguments.get(1)));
            case "Fn::Not" -> !condition(arguments.get(0));
            case "Fn::And" -> arguments.stream().allMatch(this::condition);
            case "Fn::Or" -> arguments.stream().anyMatch(this::condition);
            default -> throw new IllegalArgumentException(name + " is not a condition function");
        };
    }

    private Object findInMap(List<?> arguments) {
        String where = "Mappings." + resolve(arguments.get(0));
        Map<String, Object> top = map(map(mappings.get(resolve(arguments.get(0))), where).get(resolve(arguments.get(1))), where);
        return top.get(resolve(arguments.get(2)));
    }

    private String reference(String name) {
        String value = references.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The local stack has no value for " + name);
        }
        return value;
    }

    private static Map<String, Object> function(Object value) {
        Map<String, Object> function = map(value, "An intrinsic function");
        if (function.size() != 1) {
            throw new IllegalArgumentException("Not an intrinsic function: " + value);
        }
        return function;
    }
}
