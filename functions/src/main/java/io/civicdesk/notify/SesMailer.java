package io.civicdesk.notify;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends through Amazon SES (v2), or anything that speaks its API, such as aws-ses-v2-local. A mail with
 * attachments goes as raw MIME ({@link MimeMessage}); any other as SES's simple content.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;

    public SesMailer(SesV2Client ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public String send(Mail mail) throws MailNotSent {
        try {
            if (!mail.attachments().isEmpty()) {
                byte[] raw = MimeMessage.of(from, mail);
                return ses.sendEmail(request -> request
                        .fromEmailAddress(from)
                        .destination(destination -> destination.toAddresses(mail.to()))
                        .content(content -> content.raw(message -> message.data(SdkBytes.fromByteArray(raw))))
                        .emailTags(tag -> tag.name("purpose").value(mail.purpose())))
                        .messageId();
            }
            return ses.sendEmail(request -> request
                    .fromEmailAddress(from)
                    .destination(destination -> destination.toAddresses(mail.to()))
                    .content(content -> content.simple(message -> message
                            .subject(utf8(mail.subject()))
                            .body(Body.builder().text(utf8(mail.text())).html(mail.html() == null ? null : utf8(mail.html())).build())))
                    .emailTags(tag -> tag.name("purpose").value(mail.purpose())))
                    .messageId();
        } catch (MessageRejectedException | BadRequestException e) {
            throw new MailNotSent(e.getClass().getSimpleName(), true, e);
        } catch (AccountSuspendedException | MailFromDomainNotVerifiedException e) {
            // Our account's problem, not the mail's: keep it and keep trying until someone fixes the account.
            throw new MailNotSent(e.getClass().getSimpleName(), false, e);
        } catch (SesV2Exception e) {
            throw new MailNotSent("SES" + e.statusCode(), false, e);
        } catch (SdkClientException e) {
            throw new MailNotSent("Unreachable", false, e);
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
