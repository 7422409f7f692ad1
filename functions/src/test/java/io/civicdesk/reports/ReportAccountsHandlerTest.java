package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.directory.InMemoryDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.StaffCaller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportAccountsHandlerTest {
    private static final String SAVE = "PUT /staff/admin/accounts/{staffId}";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final ReportAccountsHandler handler = new ReportAccountsHandler(new ReportAccounts(accounts,
            new InMemoryDirectory().with(new StaffMember("am-1", "Ada Manager", "ada@council.example",
                    Set.of(Role.ACCOUNT_MANAGER), null)),
            InMemoryCatalog.twoUnits()));

    private APIGatewayV2HTTPResponse save(Object body) {
        return call(handler, event(SAVE, Map.of("staffId", "am-1"), body, "admin-1", "admin"));
    }

    @Test
    void aNewAccountIsSavedAtVersionOne() {
        APIGatewayV2HTTPResponse saved = save(Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly")));
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertEquals(1, json(saved).path("version").asLong());
        assertEquals(List.of("waste"), accounts.account("am-1").orElseThrow().unitIds());
    }

    @Test
    void anUnknownUnitAndAWrongKindAreNamedFieldByField() {
        APIGatewayV2HTTPResponse wrong = save(Map.of("unitIds", List.of("nowhere"), "kinds", List.of("daily")));
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "unitIds"), wrong.getBody());
        assertTrue(names(wrong, "kinds"), wrong.getBody());
        assertTrue(accounts.all().isEmpty(), "nothing saved");
    }

    @Test
    void aSaveFromAStaleVersionIsAConflictShowingTheCurrentAccount() {
        save(Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly")));
        save(Map.of("unitIds", List.of("roads"), "kinds", List.of("weekly"), "version", 1));
        APIGatewayV2HTTPResponse stale = save(Map.of("unitIds", List.of("waste"), "kinds", List.of("monthly"), "version", 1));
        assertEquals(409, stale.getStatusCode(), stale.getBody());
        assertEquals(2, json(stale).path("current").path("version").asLong());
    }

    @Test
    void removingAnAccountNobodyHasIsNotFound() {
        APIGatewayV2HTTPEvent remove = event("DELETE /staff/admin/accounts/{staffId}", Map.of("staffId", "am-1"), null,
                "admin-1", "admin");
        remove.setQueryStringParameters(Map.of("version", "1"));
        assertEquals(404, call(handler, remove).getStatusCode());
    }

    @Test
    void onlyAdministratorsManageWhoGetsWhichReport() {
        assertEquals(403, call(handler, event("GET /staff/admin/accounts", Map.of(), null, "am-1", "account-manager"))
                .getStatusCode());
    }
}
