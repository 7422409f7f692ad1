package io.civicdesk.notify;

/** Something that hands a mail to a mail service. */
public interface Mailer {
    /** @return the mail service's message id */
    String send(Mail mail) throws MailNotSent;

    /** A send that did not happen; {@code permanent} when trying again cannot help (e.g. a rejected address). */
    final class MailNotSent extends Exception {
        private final String code;
        private final boolean permanent;

        public MailNotSent(String code, boolean permanent, Throwable cause) {
            super(code, cause);
            this.code = code;
            this.permanent = permanent;
        }

        public String code() {
            return code;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
