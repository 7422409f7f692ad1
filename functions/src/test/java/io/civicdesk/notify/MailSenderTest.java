package io.civicdesk.notify;

import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailSenderTest {

    @Test
    void retriesWaitLongerEachTimeUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), MailSender.waitAfter(1));
        assertEquals(Duration.ofSeconds(60), MailSender.waitAfter(2));
        assertEquals(Duration.ofMinutes(2), MailSender.waitAfter(3));
        assertEquals(Duration.ofMinutes(32), MailSender.waitAfter(7));
        assertEquals(Duration.ofHours(1), MailSender.waitAfter(8));
        assertEquals(Duration.ofHours(1), MailSender.waitAfter(500));
    }

    @Test
    void aStreamEventNamesOnlyNewMail() throws Exception {
        String event = """
                {"Records":[
                  {"eventName":"INSERT","dynamodb":{"Keys":{"pk":{"S":"MAIL#one"}}}},
                  {"eventName":"MODIFY","dynamodb":{"Keys":{"pk":{"S":"MAIL#one"}}}},
                  {"eventName":"INSERT","dynamodb":{"Keys":{"pk":{"S":"MAIL#two"}}}}]}""";
        assertEquals(List.of("one", "two"), MailSenderHandler.newMailIds(Json.MAPPER.readTree(event)));
    }
}
