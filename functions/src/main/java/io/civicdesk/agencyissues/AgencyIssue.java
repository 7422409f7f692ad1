package io.civicdesk.agencyissues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An issue an agency raised with the service centre (through its account manager, who logs it on the agency's
 * behalf), or the account manager raised herself, recorded against the agency. It goes up the levels of seed 001's
 * issue resolution — the provider's service manager, then service director, then executive director — each with a
 * target in business days ({@code due} is the day it should be settled by at its level). Every step is kept.
 *
 * @param raisedBy the email of the agency's contact who raised it; null when the account manager raised it herself
 * @param version  the stored version a step must name, so two people's steps cannot overwrite each other
 */
public record AgencyIssue(String agencyId, String id, String title, String detail, String raisedBy, Level level,
                          boolean resolved, LocalDate due, List<Step> steps, long version) {

    public AgencyIssue {
        steps = List.copyOf(steps);
    }

    /** The levels an issue goes up, lowest first (seed 001's "issue resolution process"). */
    public enum Level {
        SERVICE_MANAGER("service manager"), SERVICE_DIRECTOR("service director"), EXECUTIVE_DIRECTOR("executive director");

        private final String spoken;

        Level(String spoken) {
            this.spoken = spoken;
        }

        public String spoken() {
            return spoken;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Level> fromWireName(String text) {
            return Arrays.stream(values()).filter(level -> level.wireName().equals(text)).findFirst();
        }

        /** The level above; empty at the top. */
        public Optional<Level> next() {
            return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
        }
    }

    /** What a step did. */
    public enum Action {
        RAISED, ESCALATED, NOTE, RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> fromWireName(String text) {
            return Arrays.stream(values()).filter(action -> action.wireName().equals(text)).findFirst();
        }
    }

    /** One step: who (a member of staff) did what, when, at which level, with what note. */
    public record Step(Instant at, String staffId, String staffName, Action action, Level level, String note) {
    }

    public Instant raisedAt() {
        return steps.get(0).at();
    }

    public Instant lastStepAt() {
        return steps.get(steps.size() - 1).at();
    }

    /** Open and past the day it should have been settled by at its level. */
    public boolean overdue(LocalDate today) {
        return !resolved && today.isAfter(due);
    }

    /** The issue after a step: the level (and its due day) changes on an escalation, the issue closes on a resolution. */
    public AgencyIssue after(Step step, LocalDate due) {
        List<Step> all = new java.util.ArrayList<>(steps);
        all.add(step);
        return new AgencyIssue(agencyId, id, title, detail, raisedBy, step.level(), resolved || step.action() == Action.RESOLVED,
                due, all, version + 1);
    }
}
