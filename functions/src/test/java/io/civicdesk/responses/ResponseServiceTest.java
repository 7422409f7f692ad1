package io.civicdesk.responses;

import io.civicdesk.feedback.Complaint;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Contact;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The templates' rules on an in-memory store over the product's defaults: filling in, order, retiring, conflicts. */
class ResponseServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
    private static final StaffCaller SAM = new StaffCaller("demo-officer-waste", "Sam Nguyen", "sam@example.com",
            Set.of(Role.OFFICER), "waste");
    private static final StaffCaller JORDAN = new StaffCaller("demo-supervisor", "Jordan Lee", "jordan@example.com",
            Set.of(Role.SUPERVISOR), null);
    /** A complaint in Vietnamese from someone who gave no name, about no service. */
    private static final Complaint NAMELESS = new Complaint("K7MP3QXR", null, "waste", null, null, null, "Late again.",
            new Contact(null, "someone@example.com", null), Language.VIETNAMESE, false, CLOCK.instant(), Complaint.RECEIVED,
            LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 29), null, null, null, null, null, null, null, null, null, 1);

    private final Map<String, ResponseTemplate> stored = new LinkedHashMap<>();
    private final ResponseTemplates templates = new ResponseTemplates() {
        @Override
        public List<ResponseTemplate> saved() {
            return new ArrayList<>(stored.values());
        }

        @Override
        public Optional<ResponseTemplate> saved(String templateId) {
            return Optional.ofNullable(stored.get(templateId));
        }

        @Override
        public boolean save(ResponseTemplate template, int expectedVersion) {
            ResponseTemplate current = stored.get(template.templateId());
            if ((current == null ? 0 : current.version()) != expectedVersion) {
                return false;
            }
            stored.put(template.templateId(), template);
            return true;
        }
    };
    private final ResponseService service = new ResponseService(templates, ResponseReader.defaults(), serviceId -> Optional.empty(),
            reference -> Optional.empty(), (caller, reference) -> NAMELESS, (caller, kind, references) -> { }, CLOCK);

    @Test
    void aComplaintIsOfferedItsTemplatesFilledInTheComplainantsLanguageFirst() {
        List<ResponseService.Offered> offered = service.forComplaint(SAM, "K7MP-3QXR", ResponseUse.COMPLAINT_ANSWER);
        assertEquals(Language.VIETNAMESE, offered.get(0).language());
        assertEquals(6, offered.size(), "two answers, each in three languages");
        String text = offered.get(0).text();
        assertTrue(text.startsWith("Kính gửi,"), "no name, and no space left for it: " + text);
        assertTrue(text.contains("K7MP-3QXR") && text.endsWith("Sam Nguyen"), text);
        assertFalse(text.contains("{"), text);
    }

    @Test
    void aRetiredDefaultIsListedButNotOffered() {
        service.retire(JORDAN, "complaint-upheld-vi", 0);
        assertTrue(service.all(JORDAN).stream().anyMatch(t -> t.templateId().equals("complaint-upheld-vi") && t.retired()));
        assertTrue(service.forComplaint(SAM, "K7MP3QXR", ResponseUse.COMPLAINT_ANSWER).stream()
                .noneMatch(o -> o.templateId().equals("complaint-upheld-vi")));
        assertEquals(1, stored.get("complaint-upheld-vi").version(), "stored over the default");
    }

    @Test
    void aSaveOverAVersionSomeoneMovedOnIsAConflictAndWritesNothing() {
        ResponseDraft draft = new ResponseDraft("Upheld", ResponseUse.COMPLAINT_ANSWER, null, null, Language.ENGLISH, "Dear {name},", 0);
        service.save(JORDAN, "complaint-upheld-en", draft);
        Refusal refusal = assertThrows(Refusal.class, () -> service.save(JORDAN, "complaint-upheld-en", draft));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals(1, stored.get("complaint-upheld-en").version());
        assertEquals(Refusal.Kind.FORBIDDEN, assertThrows(Refusal.class, () -> service.all(SAM)).kind(), "officers do not keep them");
    }
}
