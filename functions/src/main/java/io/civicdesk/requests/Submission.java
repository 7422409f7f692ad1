package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.languages.Language;

import java.util.List;

/**
 * A report that passed validation: every value trimmed, typed and checked against its service. {@code agencyId}
 * names the client agency it is made for (checked to exist when it is taken), or is null.
 */
public record Submission(Service service, List<Answer> answers, Location location, String description,
                         Contact contact, Language language, PreferredChannel preferredChannel, String agencyId) {
    public Submission {
        answers = List.copyOf(answers);
    }
}
