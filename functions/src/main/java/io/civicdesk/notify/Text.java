package io.civicdesk.notify;

/**
 * A text message to a phone, written down before it is sent: {@code to} in E.164 (+61412345678), {@code body}
 * short (the reference, what happened, the private link), well under the 1,600 characters SNS takes.
 */
public record Text(String id, String to, String body, String purpose, String reference) implements Outgoing {
}
