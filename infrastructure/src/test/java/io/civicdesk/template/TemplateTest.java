package io.civicdesk.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.RouteTable;
import io.civicdesk.local.SecurityHeaders;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.FunctionDefinition.JwtAuthorizer;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.local.template.TableDefinition;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/** template.yaml is valid, and everything it names exists in the code. */
class TemplateTest {
    private static final Path ROOT = LocalStack.findProjectRoot();
    private static final SamTemplate TEMPLATE = SamTemplate.read(ROOT.resolve("template.yaml"));

    @Test
    void cfnLintPassesWithoutErrors() throws Exception {
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "template.yaml").directory(ROOT.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cfn-lint is not installed (pip install cfn-lint); it checks template.yaml");
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(2, TimeUnit.MINUTES), "cfn-lint did not finish");
        assertEquals(0, lint.exitValue(), "cfn-lint template.yaml:\n" + output);
    }

    @Test
    void everyHandlerIsALambdaHandlerClassWithAPublicNoArgConstructor() throws Exception {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            Class<?> handler = Class.forName(function.handlerClass(), false, getClass().getClassLoader());
            assertTrue(RequestHandler.class.isAssignableFrom(handler) || RequestStreamHandler.class.isAssignableFrom(handler),
                    function.logicalId() + ": " + handler.getName() + " implements neither RequestHandler nor RequestStreamHandler");
            assertTrue(Modifier.isPublic(handler.getConstructor().getModifiers()), function.logicalId());
            assertFalse(Modifier.isAbstract(handler.getModifiers()), function.logicalId() + ": abstract handler");
            assertTrue(function.handler().endsWith("::handleRequest"), function.logicalId() + ": " + function.handler());
        }
    }

    @Test
    void everyRouteReachesItsFunctionsHandler() throws Exception {
        Map<String, String> handlers = TEMPLATE.functions().stream()
                .collect(Collectors.toMap(FunctionDefinition::logicalId, FunctionDefinition::handlerClass));
        List<RouteTable.Route> routes = TEMPLATE.functions().stream().flatMap(f -> f.routes().stream()
                .map(r -> new RouteTable.Route(r.method(), r.path(), f.logicalId()))).toList();
        RouteTable table = new RouteTable(routes);
        for (RouteTable.Route route : routes) {
            String examplePath = route.path().replaceAll("\\{[^}]+\\+}", "a/b").replaceAll("\\{[^}]+}", "example");
            String method = route.method().equals("ANY") ? "GET" : route.method();
            RouteTable.Match match = table.match(method, examplePath).orElseThrow(
                    () -> new AssertionError(route.routeKey() + " reaches no function"));
            assertEquals(route.functionId(), match.route().functionId(), route.routeKey());
            Class.forName(handlers.get(match.route().functionId()), false, getClass().getClassLoader());
        }
        assertFalse(routes.isEmpty());
    }

    /**
     * No staff route is left open: each names the StaffAuthorizer, which trusts only the staff user pool and
     * takes the staff pages' ID tokens (their aud is the app client's ID).
     */
    @Test
    void everyStaffRouteRequiresAStaffTokenFromTheStaffUserPool() {
        for (FunctionDefinition function : TEMPLATE.functions()) {
            for (FunctionDefinition.HttpRoute route : function.routes()) {
                if (!route.path().startsWith("/staff")) {
                    continue;
                }
                JwtAuthorizer authorizer = route.authorizer().orElseThrow(
                        () -> new AssertionError(route.routeKey() + " has no authorizer"));
                assertEquals("StaffAuthorizer", authorizer.name(), route.routeKey());
                assertEquals("Authorization", authorizer.tokenHeader(), route.routeKey());
                assertEquals(Map.of("Fn::Sub", "https://cognito-idp.${AWS::Region}.amazonaws.com/${StaffUserPool}"),
                        authorizer.issuer(), route.routeKey());
                assertEquals(List.of(Map.of("Ref", "StaffPortalClient")), authorizer.audience(), route.routeKey());
            }
        }
    }

    @Test
    void everyTableIsOnDemandWithPointInTimeRecovery() {
        for (TableDefinition table : TEMPLATE.tables()) {
            assertEquals(BillingMode.PAY_PER_REQUEST, table.createTableRequest().billingMode(), table.logicalId());
            assertTrue(table.pointInTimeRecovery(), table.logicalId() + " has no point-in-time recovery");
        }
    }

    /**
     * The portal's security headers deployed are the ones the local gateway sends (so the browser tests run under
     * them): the same policy, directive by directive, save that deployed the pages also reach the API's and
     * Cognito's hosts, which locally share the portal's origin.
     */
    @Test
    void thePortalsSecurityHeadersAreTheLocalGatewaysWithTheApiSignInAndPhotosHosts() {
        Map<String, Object> distribution = TEMPLATE.properties("PortalDistribution");
        assertEquals(Map.of("Ref", "PortalSecurityHeadersPolicy"), nested(distribution, "DistributionConfig", "DefaultCacheBehavior")
                .get("ResponseHeadersPolicyId"), "the distribution uses the portal's own policy");
        Map<String, Object> headers = nested(TEMPLATE.properties("PortalSecurityHeadersPolicy"),
                "ResponseHeadersPolicyConfig", "SecurityHeadersConfig");
        assertEquals(Set.of("ContentSecurityPolicy", "FrameOptions", "ReferrerPolicy", "ContentTypeOptions",
                "StrictTransportSecurity"), headers.keySet());
        headers.forEach((name, header) -> assertEquals(true, ((Map<?, ?>) header).get("Override"), name + " overrides the origin's"));

        Map<String, List<String>> deployed = directives((String) nested(headers, "ContentSecurityPolicy", "ContentSecurityPolicy")
                .get("Fn::Sub"));
        Map<String, List<String>> local = directives(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertEquals(local.keySet(), deployed.keySet());
        local.forEach((directive, sources) -> {
            List<String> expected = new ArrayList<>(sources);
            if (directive.equals("connect-src")) {
                expected.addAll(List.of("https://*.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                        "https://${StaffSignInDomainPrefix}.auth.${AWS::Region}.amazoncognito.com"));
            }
            if (directive.equals("connect-src") || directive.equals("img-src")) {
                expected.add("https://*.s3.${AWS::Region}.${AWS::URLSuffix}"); // the photos bucket
            }
            assertEquals(expected, deployed.get(directive), directive);
        });

        assertEquals(SecurityHeaders.HEADERS.get("X-Frame-Options"), nested(headers, "FrameOptions").get("FrameOption"));
        assertEquals(SecurityHeaders.HEADERS.get("Referrer-Policy"), nested(headers, "ReferrerPolicy").get("ReferrerPolicy"));
        assertEquals("nosniff", SecurityHeaders.HEADERS.get("X-Content-Type-Options"), "CloudFront's ContentTypeOptions is nosniff");
        Map<String, Object> hsts = nested(headers, "StrictTransportSecurity");
        assertEquals(SecurityHeaders.HEADERS.get("Strict-Transport-Security"), "max-age=" + hsts.get("AccessControlMaxAgeSec")
                + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")
                + (Boolean.TRUE.equals(hsts.get("Preload")) ? "; preload" : ""));
        assertEquals(Set.of("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options",
                "Strict-Transport-Security"), SecurityHeaders.HEADERS.keySet(), "one local header for each of the policy's");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String... keys) {
        Map<String, Object> found = map;
        for (String key : keys) {
            found = (Map<String, Object>) found.get(key);
        }
        return found;
    }

    /** A Content-Security-Policy as directive to its sources, in order. */
    private static Map<String, List<String>> directives(String policy) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            List<String> words = List.of(directive.strip().split("\\s+"));
            directives.put(words.get(0), words.subList(1, words.size()));
        }
        return directives;
    }
}
