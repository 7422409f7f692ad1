package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StaffCallerTest {

    private static HttpRequest withClaims(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        return new HttpRequest(event);
    }

    private static Map<String, String> officerOfWaste(String groups) {
        Map<String, String> claims = new HashMap<>(Map.of("sub", "u-1", "name", "Sam Officer", "email", "sam@example.com",
                "custom:unit", "waste"));
        claims.put("cognito:groups", groups);
        return claims;
    }

    @Test
    void readsGroupsInTheFormHttpApisPassAndAsJson() {
        assertEquals(List.of("officer", "supervisor"), StaffCaller.groups("[officer supervisor]"));
        assertEquals(List.of("officer", "supervisor"), StaffCaller.groups("[\"officer\",\"supervisor\"]"));
        assertEquals(List.of("admin"), StaffCaller.groups("admin"));
        assertEquals(List.of(), StaffCaller.groups(null));
    }

    @Test
    void theCallerComesFromVerifiedClaimsOnly() {
        StaffCaller caller = StaffCaller.from(withClaims(officerOfWaste("[officer]")));
        assertEquals(new StaffCaller("u-1", "Sam Officer", "sam@example.com", Set.of(StaffCaller.Role.OFFICER), "waste"), caller);
        assertEquals(401, assertThrows(Refusal.class, () -> StaffCaller.from(new HttpRequest(new APIGatewayV2HTTPEvent()))).status());
    }

    @Test
    void anOfficerWorksOnlyInTheirOwnUnitAndUnknownGroupsGrantNothing() {
        StaffCaller officer = StaffCaller.from(withClaims(officerOfWaste("[officer residents]")));
        officer.requireUnit("waste");
        assertEquals(403, assertThrows(Refusal.class, () -> officer.requireUnit("roads")).status());
        assertEquals(403, assertThrows(Refusal.class, () -> officer.requireAny(StaffCaller.Role.ADMIN)).status());
        StaffCaller supervisor = StaffCaller.from(withClaims(officerOfWaste("[supervisor]")));
        supervisor.requireUnit("roads");
    }
}
