package io.civicdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.civicdesk.architecture.MainCode.fileClass;
import static io.civicdesk.architecture.MainCode.fileName;

/**
 * JSON ({@code com.fasterxml.jackson}) is read and written only at the edge: a {@code *Reader} turns a body into a
 * record, a {@code *View(s)} or {@code *Receipt} shapes an answer, a handler passes them along, and a store may keep
 * JSON in an item. Services and domain records work on plain Java, so they never depend on how a body is spelt.
 */
class JacksonStaysAtTheEdgeTest {

    private static final Set<String> ENDINGS = Set.of("Handler", "Reader", "View", "Views", "Store", "Receipt", "Wiring");

    /** Classes that are the JSON edge, though their names do not say so by ending. */
    private static final Set<String> EDGE = Set.of(
            "io.civicdesk.platform.Json",              // the one ObjectMapper and its settings
            "io.civicdesk.platform.HttpRequest",       // the request's body as JSON
            "io.civicdesk.platform.HttpResponses",     // answers and refusals written as JSON
            "io.civicdesk.platform.EventHandler",      // the base of the event-driven handlers
            "io.civicdesk.platform.HttpHandler",       // the base of the HTTP handlers
            "io.civicdesk.platform.Ids",               // input helpers the readers use: one field of a body each
            "io.civicdesk.platform.DateInput",
            "io.civicdesk.platform.NumberInput",
            "io.civicdesk.platform.PhoneInput",
            "io.civicdesk.platform.TextInput",
            "io.civicdesk.platform.PowertoolsMetrics", // EMF metrics are JSON log lines
            "io.civicdesk.feedback.Fields");           // feedback's field readers, shared by its readers

    /**
     * Wire names, not JSON handling: these may carry Jackson's annotations ({@code com.fasterxml.jackson.annotation})
     * and nothing else of it.
     */
    private static final Set<String> WIRE_NAMES = Set.of(
            "io.civicdesk.catalog.QuestionType",       // @JsonValue: the type's name in the catalogue file and the API
            "io.civicdesk.requests.Priority",          // @JsonValue: the priority as the API spells it
            "io.civicdesk.requests.PreferredChannel",  // @JsonValue: the channel as the API spells it
            "io.civicdesk.requests.HistoryEntry",      // @JsonValue on Visibility: public / internal
            "io.civicdesk.requests.WorkflowStatus",    // @JsonProperty("final"): a Java keyword as a field name
            "io.civicdesk.staff.QueueItem",            // @JsonInclude(ALWAYS): a queue row keeps its null fields
            "io.civicdesk.staff.StaffQueries");        // @JsonInclude on its page and counts records, the queue's wire shape

    static boolean isTheEdge(JavaClass type) {
        String name = fileName(type);
        return ENDINGS.stream().anyMatch(name::endsWith) || EDGE.contains(fileClass(type));
    }

    @Test
    void onlyTheEdgeReadsAndWritesJson() {
        MainCode.assertNone("com.fasterxml.jackson is used only by *Handler, *Reader, *View(s), *Store, *Receipt, *Wiring, "
                        + "platform's JSON edge and input helpers, and feedback.Fields (wire-name types: annotations only)",
                MainCode.uses(type -> !isTheEdge(type), dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    boolean annotation = MainCode.inPackage(target, "com.fasterxml.jackson.annotation");
                    return MainCode.inPackage(target, "com.fasterxml.jackson")
                            && !(annotation && WIRE_NAMES.contains(fileClass(dependency.getOriginClass())));
                }));
    }
}
