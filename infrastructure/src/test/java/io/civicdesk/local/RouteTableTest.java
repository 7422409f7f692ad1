package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.civicdesk.local.RouteTable.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable routes = new RouteTable(List.of(
            new Route("GET", "/services", "list"),
            new Route("GET", "/services/{serviceId}", "one"),
            new Route("GET", "/services/popular", "popular"),
            new Route("POST", "/services/{serviceId}", "update"),
            new Route("ANY", "/files/{proxy+}", "files"),
            new Route("GET", "/files/{folder}/index", "index"),
            new Route("DELETE", "/files/{proxy+}", "delete")));

    private String functionFor(String method, String path) {
        return routes.match(method, path).map(m -> m.route().functionId()).orElse("none");
    }

    @Test
    void pathParameterCapturesItsSegment() {
        RouteTable.Match match = routes.match("GET", "/services/missed-bin").orElseThrow();

        assertEquals("one", match.route().functionId());
        assertEquals(Map.of("serviceId", "missed-bin"), match.pathParameters());
        assertEquals("GET /services/{serviceId}", match.route().routeKey());
    }

    @Test
    void literalSegmentBeatsPathParameter() {
        assertEquals("popular", functionFor("GET", "/services/popular"));
    }

    @Test
    void methodIsPartOfTheRoute() {
        assertEquals("update", functionFor("POST", "/services/x"));
        assertEquals("none", functionFor("PUT", "/services/x"));
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() {
        RouteTable.Match match = routes.match("GET", "/files/a/b/c.txt").orElseThrow();

        assertEquals("files", match.route().functionId());
        assertEquals(Map.of("proxy", "a/b/c.txt"), match.pathParameters());
    }

    @Test
    void parameterBeatsGreedyAndNamedMethodBeatsAny() {
        assertEquals("index", functionFor("GET", "/files/reports/index"));
        assertEquals("delete", functionFor("DELETE", "/files/a/b"));
    }

    @Test
    void unmatchedPathsFindNothing() {
        assertEquals("none", functionFor("GET", "/unknown"));
        assertEquals("none", functionFor("GET", "/services/"), "an empty segment is no parameter value");
        assertEquals("none", functionFor("GET", "/services/a/b"));
        assertEquals("none", functionFor("GET", "/files/"), "a greedy parameter needs one segment at least");
    }

    @Test
    void defaultRouteCatchesOnlyWhatNothingElseDoes() {
        RouteTable withDefault = new RouteTable(List.of(new Route("ANY", "$default", "fallback"),
                new Route("GET", "/services", "list")));

        assertEquals("list", withDefault.match("GET", "/services").orElseThrow().route().functionId());
        assertEquals("fallback", withDefault.match("PATCH", "/anything/at/all").orElseThrow().route().functionId());
        assertTrue(withDefault.match("GET", "/x").orElseThrow().pathParameters().isEmpty());
    }
}
