package io.civicdesk.notify;

/** Something that hands a text to an SMS service. A failure is a {@link Mailer.MailNotSent}, retried the same way. */
public interface Texter {
    /** @return the SMS service's message id */
    String send(Text text) throws Mailer.MailNotSent;
}
