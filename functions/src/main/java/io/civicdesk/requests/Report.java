package io.civicdesk.requests;

import io.civicdesk.catalog.Service;

import java.util.Optional;
import java.util.function.Function;

/**
 * A report as it was sent, checked when it is submitted against the catalogue of that moment: a retry of a report
 * that was accepted is given its first answer even if the catalogue changed since. {@link SubmissionReader} reads one.
 */
@FunctionalInterface
public interface Report {
    /**
     * The report checked against its service, looked up by id with {@code services}.
     *
     * @throws io.civicdesk.platform.Refusal naming every field that is wrong
     */
    Checked check(Function<String, Optional<Service>> services);

    /** What the resident reported, and how it reached the council. */
    record Checked(Submission submission, Intake intake) {
    }
}
