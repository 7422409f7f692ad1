package io.civicdesk.notify;

/**
 * Something the outbox sends to a person: a mail, or a text to a phone. {@code purpose} and {@code reference}
 * say why it exists without reading its content.
 */
public sealed interface Outgoing permits Mail, Text {
    String id();

    String purpose();

    String reference();
}
