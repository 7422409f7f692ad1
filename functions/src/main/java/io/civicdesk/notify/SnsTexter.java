package io.civicdesk.notify;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends texts with SNS Publish to a phone number (AWS End User Messaging SMS delivers them), or anything that
 * speaks its API, such as moto. Transactional, so they are not dropped for cost. A sender ID or an origination
 * number is used when configured (blank: the account's default, which is what the SMS sandbox has).
 */
public final class SnsTexter implements Texter {
    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsTexter(SnsClient sns, String senderId, String originationNumber) {
        this.sns = sns;
        Map<String, MessageAttributeValue> chosen = new HashMap<>();
        chosen.put("AWS.SNS.SMS.SMSType", attribute("Transactional"));
        if (senderId != null && !senderId.isBlank()) {
            chosen.put("AWS.SNS.SMS.SenderID", attribute(senderId.strip()));
        }
        if (originationNumber != null && !originationNumber.isBlank()) {
            chosen.put("AWS.MM.SMS.OriginationNumber", attribute(originationNumber.strip()));
        }
        this.attributes = Map.copyOf(chosen);
    }

    @Override
    public String send(Text text) throws Mailer.MailNotSent {
        try {
            return sns.publish(request -> request.phoneNumber(text.to()).message(text.body())
                    .messageAttributes(attributes)).messageId();
        } catch (InvalidParameterException | InvalidParameterValueException e) {
            // A number SNS will never deliver to (or an opted-out one): trying again cannot help.
            throw new Mailer.MailNotSent(e.getClass().getSimpleName(), true, e);
        } catch (SnsException e) {
            throw new Mailer.MailNotSent("SNS" + e.statusCode(), false, e);
        } catch (SdkClientException e) {
            throw new Mailer.MailNotSent("Unreachable", false, e);
        }
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
