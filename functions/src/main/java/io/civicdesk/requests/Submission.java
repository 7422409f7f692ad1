package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;

import java.util.List;

/** A report that passed validation: every value trimmed, typed and checked against its service. */
public record Submission(Service service, List<Answer> answers, Location location, String description,
                         Contact contact, Language language, PreferredChannel preferredChannel) {
    public Submission {
        answers = List.copyOf(answers);
    }
}
