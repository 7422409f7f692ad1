package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceLevelPolicyTest {

    private static ServiceLevelPolicy policy(String id, int order, String service, String priority) {
        return new ServiceLevelPolicy(id, order, service, priority, Duration.ofHours(8), Duration.ofHours(16),
                Duration.ofDays(5), List.of(75, 50), null);
    }

    @Test
    void theExplicitOrderDecidesWhichPolicyAppliesNeverTheName() {
        List<ServiceLevelPolicy> policies = List.of(
                policy("a-general", 30, null, null),
                policy("z-urgent-potholes", 10, "pothole", "urgent"),
                policy("m-potholes", 20, "pothole", null));
        assertEquals("z-urgent-potholes", ServiceLevelPolicy.choose(policies, "pothole", "urgent").orElseThrow().id());
        assertEquals("m-potholes", ServiceLevelPolicy.choose(policies, "pothole", "normal").orElseThrow().id());
        assertEquals("a-general", ServiceLevelPolicy.choose(policies, "graffiti", "urgent").orElseThrow().id());
    }

    @Test
    void twoPoliciesInTheSamePlaceAreRefused() {
        List<ServiceLevelPolicy> policies = List.of(policy("one", 10, null, null), policy("two", 10, "pothole", null));
        assertThrows(IllegalArgumentException.class, () -> ServiceLevelPolicy.choose(policies, "pothole", "normal"));
    }

    @Test
    void warningPointsAreSharesOfTheTarget() {
        ServiceLevelPolicy policy = policy("p", 1, null, null);
        assertEquals(List.of(50, 75), policy.warningPercents());
        assertEquals(Duration.ofHours(6), policy.warningPoint(Duration.ofHours(8), 75));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevelPolicy("bad", 1, null, null,
                Duration.ofHours(8), Duration.ofHours(4), Duration.ofDays(1), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new ServiceLevelPolicy("bad", 1, null, null,
                Duration.ofHours(8), Duration.ofHours(8), Duration.ofDays(1), List.of(100), null));
    }
}
