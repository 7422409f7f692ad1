package io.civicdesk.warnings;

import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Dates;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.sla.Alert;

import java.time.ZoneId;
import java.util.List;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail that tells an officer (or a supervisor) a request needs them. It names the request, what is due and
 * when, and links to its staff page — never the resident's details, which stay behind sign-in.
 */
final class WarningMail {
    static final String PURPOSE = "service-level-warning";

    private WarningMail() {
    }

    static Mail compose(String mailId, String to, String councilName, ServiceRequest request, List<Alert> alerts,
                        String staffLink) {
        String reference = request.reference().display();
        ZoneId zone = ZoneId.of(request.timeZone());
        boolean breach = alerts.stream().anyMatch(alert -> alert.kind() == Alert.Kind.BREACH);
        String subject = (breach ? "Missed target: " : "Reminder: ") + request.serviceName() + " (" + reference + ")";
        List<String> lines = alerts.stream().map(alert -> line(alert, request, zone)).toList();
        String text = "Hello,\n\n" + String.join("\n", lines.stream().map(line -> "- " + line).toList()) + "\n\n"
                + "Open the request: " + staffLink + "\n\n" + councilName + " — CivicDesk\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>Hello,</p><ul>" + String.join("", lines.stream().map(line -> "<li>" + escape(line) + "</li>").toList())
                + "</ul><p><a href=\"" + escape(staffLink) + "\">Open request " + escape(reference) + "</a></p>"
                + "<p>" + escape(councilName) + " — CivicDesk</p></body></html>";
        return new Mail(mailId, to, subject, text, html, PURPOSE, request.reference().value());
    }

    private static String line(Alert alert, ServiceRequest request, ZoneId zone) {
        String reference = request.reference().display();
        return switch (alert.kind()) {
            case BREACH -> reference + " missed its " + target(alert) + " target, due " + spokenDue(alert, request, zone) + ".";
            case WARNING -> reference + " is getting close to its " + target(alert) + " target, due "
                    + spokenDue(alert, request, zone) + ".";
            case NEWS -> "The resident who reported " + reference + " last heard from us at "
                    + Dates.spokenTime(request.serviceLevel().lastNewsAt().atZone(zone))
                    + ": give them news soon (a public update), before they wait too long.";
        };
    }

    private static String target(Alert alert) {
        return alert.target() == Alert.Target.RESPONSE ? "first response" : "resolution";
    }

    private static String spokenDue(Alert alert, ServiceRequest request, ZoneId zone) {
        java.time.Instant due = alert.target() == Alert.Target.RESPONSE ? request.serviceLevel().responseDueAt()
                : request.serviceLevel().resolutionDueAt();
        return Dates.spokenTime(due.atZone(zone));
    }
}
