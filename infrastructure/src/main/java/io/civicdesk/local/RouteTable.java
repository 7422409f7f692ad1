package io.civicdesk.local;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API route selection, as API Gateway does it: the most specific route wins. Segment by segment, a literal
 * beats a {@code {param}}, which beats a greedy {@code {proxy+}}; then a named method beats {@code ANY}; the
 * {@code $default} route catches what nothing else does. A {@code {param}} matches one non-empty segment, a
 * greedy one the rest of the path (one segment or more).
 */
public final class RouteTable {
    private static final int LITERAL = 2;
    private static final int PARAMETER = 1;
    private static final int GREEDY = 0;

    /** A declared route: {@code method} may be {@code ANY}; {@code path} may be {@code $default}. */
    public record Route(String method, String path, String functionId) {
        public String routeKey() {
            return path.equals("$default") ? path : method + " " + path;
        }
    }

    /** The chosen route and the path parameters it captured. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The best route for a request; {@code path} is the decoded request path (API Gateway matches decoded paths). */
    public Optional<Match> match(String method, String path) {
        String[] segments = segments(path);
        return routes.stream()
                .filter(route -> route.method().equals("ANY") || route.method().equals(method))
                .flatMap(route -> bind(route, segments).map(parameters -> new Match(route, parameters)).stream())
                .max(Comparator.comparing((Match m) -> m.route(), RouteTable::bySpecificity));
    }

    private static Optional<Map<String, String>> bind(Route route, String[] path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (route.path().equals("$default")) {
            return Optional.of(parameters);
        }
        String[] template = segments(route.path());
        for (int i = 0; i < template.length; i++) {
            String name = template[i].length() > 2 ? template[i].substring(1, template[i].length() - 1) : "";
            switch (kind(template[i])) {
                case GREEDY -> {
                    String rest = i < path.length ? String.join("/", List.of(path).subList(i, path.length)) : "";
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name.substring(0, name.length() - 1), rest);
                    return Optional.of(parameters);
                }
                case PARAMETER -> {
                    if (i >= path.length || path[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name, path[i]);
                }
                default -> {
                    if (i >= path.length || !template[i].equals(path[i])) {
                        return Optional.empty();
                    }
                }
            }
        }
        return template.length == path.length ? Optional.of(parameters) : Optional.empty();
    }

    /** Positive when {@code a} is more specific than {@code b}. */
    private static int bySpecificity(Route a, Route b) {
        boolean aDefault = a.path().equals("$default");
        boolean bDefault = b.path().equals("$default");
        if (aDefault || bDefault) {
            return Boolean.compare(bDefault, aDefault);
        }
        String[] as = segments(a.path());
        String[] bs = segments(b.path());
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int difference = Integer.compare(kind(as[i]), kind(bs[i]));
            if (difference != 0) {
                return difference;
            }
        }
        int byLength = Integer.compare(as.length, bs.length);
        return byLength != 0 ? byLength : Boolean.compare(!a.method().equals("ANY"), !b.method().equals("ANY"));
    }

    private static int kind(String segment) {
        if (segment.startsWith("{") && segment.endsWith("+}")) {
            return GREEDY;
        }
        return segment.startsWith("{") && segment.endsWith("}") ? PARAMETER : LITERAL;
    }

    /** "/a/b" is [a, b]; "/" is [""]; a trailing slash is an empty last segment, as in API Gateway. */
    private static String[] segments(String path) {
        return path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    }
}
