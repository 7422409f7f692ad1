package io.civicdesk.guides;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where an answer in a guided conversation leads: another question, or an end that helps. */
public sealed interface Lead {

    /** Ask another step's question. */
    record NextStep(String stepId) implements Lead {
    }

    /** Show a published resident article. */
    record ReadArticle(String articleId) implements Lead {
    }

    /**
     * Open a service's report form with some questions already answered: question id to the answer, which for a
     * choice question is one of its options.
     */
    record ReportForm(String serviceId, Map<String, String> answers) implements Lead {
        public ReportForm {
            answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        }
    }

    /** Book a facility. */
    record BookFacility(String facilityId) implements Lead {
    }

    /** Ask the council to call the resident back. */
    record CallBack() implements Lead {
    }
}
