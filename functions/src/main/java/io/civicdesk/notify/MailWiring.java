package io.civicdesk.notify;

import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.PowertoolsMetrics;

/**
 * The mail sender function built from its configuration, once per container: the outbox, SES, and SNS for texts
 * (SMS_SENDER_ID, SMS_ORIGINATION_NUMBER: blank for the account's default).
 */
public final class MailWiring {
    private MailWiring() {
    }

    public static MailSender mailSender() {
        return new MailSender(new OutboxStore(AwsClients.dynamoDb(), Config.require("OUTBOX_TABLE")),
                new SesMailer(AwsClients.sesV2(), Config.require("MAIL_FROM")),
                new SnsTexter(AwsClients.sns(), Config.optional("SMS_SENDER_ID"), Config.optional("SMS_ORIGINATION_NUMBER")),
                Clocks.fromConfig(),
                PowertoolsMetrics.fromConfig());
    }
}
