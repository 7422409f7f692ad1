package io.civicdesk.agencyissues;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencyissues.AgencyIssue.Step;
import io.civicdesk.platform.Dates;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail to the agency's contact who raised an issue, at each step: what happened, at which level it is now and
 * by when that level aims to settle it, and the note the account manager wrote. It ends with their unsubscribe
 * link, as the agency's reports do.
 */
public final class IssueMail {
    private IssueMail() {
    }

    public static String subject(Agency agency, AgencyIssue issue) {
        Step step = last(issue);
        return switch (step.action()) {
            case RAISED -> "Issue logged: " + issue.title();
            case ESCALATED -> "Issue escalated to our " + step.level().spoken() + ": " + issue.title();
            case NOTE -> "Update on your issue: " + issue.title();
            case RESOLVED -> "Issue resolved: " + issue.title();
        };
    }

    private static Step last(AgencyIssue issue) {
        return issue.steps().get(issue.steps().size() - 1);
    }

    private static String sentence(Agency agency, AgencyIssue issue) {
        Step step = last(issue);
        String due = Dates.spoken(issue.due());
        return switch (step.action()) {
            case RAISED -> "We have logged the issue you raised for " + agency.name() + ". It is with our "
                    + step.level().spoken() + ", who aims to settle it by " + due + ".";
            case ESCALATED -> "Your issue has gone up to our " + step.level().spoken() + ", who aims to settle it by " + due + ".";
            case NOTE -> "There is news on your issue, which is with our " + step.level().spoken() + " (aiming to settle it by "
                    + due + ").";
            case RESOLVED -> "Your issue has been resolved. If it is not settled for you, reply to your account manager.";
        };
    }

    public static String text(Agency agency, AgencyIssue issue, String unsubscribeLink) {
        Step step = last(issue);
        StringBuilder text = new StringBuilder(subject(agency, issue)).append("\n\n").append(sentence(agency, issue)).append('\n');
        if (step.note() != null) {
            text.append('\n').append(step.note()).append('\n');
        }
        text.append("\nReference: ").append(issue.id()).append('\n')
                .append("\nTo stop mails from the service centre: ").append(unsubscribeLink).append('\n');
        return text.toString();
    }

    public static String html(Agency agency, AgencyIssue issue, String unsubscribeLink) {
        Step step = last(issue);
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.4;color:#0b0c0c\"><h1 style=\"font-size:22px\">")
                .append(escape(subject(agency, issue))).append("</h1><p>").append(escape(sentence(agency, issue))).append("</p>");
        if (step.note() != null) {
            html.append("<p style=\"white-space:pre-wrap\">").append(escape(step.note())).append("</p>");
        }
        return html.append("<p>Reference: ").append(escape(issue.id())).append("</p><p><a href=\"")
                .append(escape(unsubscribeLink)).append("\">Stop mails from the service centre</a></p></body></html>").toString();
    }
}
