package io.civicdesk.notify;

import java.util.List;

/**
 * A mail to send, written down before it is sent. {@code purpose} and {@code reference} say why it exists
 * without reading its content. {@code attachments} (a calendar file, a CSV) are sent as a raw MIME message;
 * a mail without any goes as SES's simple content, as before.
 */
public record Mail(String id, String to, String subject, String text, String html, String purpose, String reference,
                   List<Attachment> attachments) implements Outgoing {

    /** A file sent with a mail: small (the outbox item holds it, well under DynamoDB's 400 KB). */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    public Mail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Mail(String id, String to, String subject, String text, String html, String purpose, String reference) {
        this(id, to, subject, text, html, purpose, reference, List.of());
    }
}
