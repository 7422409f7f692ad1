package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.local.TextsPage;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Phones;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complainant who chose text messages: the receipt, the acknowledgement, the answer and the internal review's
 * steps reach their phone, in their language, each with the private link; no mail reaches them.
 */
@DependsOnTheDate
class ComplaintTextsTest {
    private final Api api = TestStack.api();

    @Test
    void anSmsComplainantGetsEveryStepAsATextInTheirLanguageAndNoMail() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        String phone = Phones.e164(Phones.mobile());
        Api.Reply sent = api.post("/feedback", Json.write(Map.of("kind", "complaint", "about", Map.of("serviceId", "missed-bin"),
                        "message", "My bin has been missed three weeks running.", "language", "vi", "preferredChannel", "sms",
                        "contact", Map.of("name", "Lan Nguyen", "email", email, "phone", phone.replace("+61", "0")))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String reference = sent.json().path("reference").asText();
        String display = FeedbackMails.display(reference);
        String link = sent.json().path("privateLink").asText();

        TextsPage.Message received = Phones.awaitText(phone, text -> text.text().contains("đã nhận được khiếu nại"));
        assertTrue(received.text().contains(display) && received.text().contains(link), received.text());
        assertTrue(received.text().length() < 320, "a text is short: " + received.text());

        staff("[officer]", "waste", "acknowledge", reference, Map.of("message", "We are speaking to the crew."));
        Phones.awaitText(phone, text -> text.text().contains("Khiếu nại " + display + " của quý vị đã được xác nhận"));
        staff("[officer]", "waste", "answer", reference, Map.of("outcome", "not-upheld", "reasons", "The bin was not out."));
        Phones.awaitText(phone, text -> text.text().contains("Câu trả lời cho khiếu nại " + display));

        Api.Reply review = api.post("/complaints/" + reference + "/review", Json.write(Map.of("reason", "It was out.")),
                Map.of("X-Private-Key", FeedbackStack.keyOf(link)));
        assertEquals(201, review.status(), review.body());
        String reviewReference = review.json().path("review").path("reference").asText();
        Phones.awaitText(phone, text -> text.text().contains(FeedbackMails.display(reviewReference)));
        staff("[officer supervisor]", "roads", "answer", reviewReference, Map.of("outcome", "upheld", "reasons", "Photos show it out."));
        Phones.awaitText(phone, text -> text.text().contains("Kết quả xem xét lại " + FeedbackMails.display(reviewReference)));

        List<TextsPage.Message> texts = Phones.to(phone);
        assertEquals(5, texts.size(), "received, acknowledged, answered, review received, review answered, once each: " + texts);
        assertTrue(texts.stream().allMatch(text -> text.text().contains("/complaint.html?ref=")), "each carries the private link");
        assertEquals(List.of(), Mailbox.to(email), "a complainant who chose texts gets no mail");
    }

    @Test
    void textsWithoutAMobileAreRefusedNamingThePhoneAndAComplaintByTextNeedsNoEmail() {
        Api.Reply noPhone = api.post("/feedback", Map.of("kind", "complaint", "about", Map.of("unitId", "waste"),
                "message", "Rude.", "preferredChannel", "sms"));
        assertEquals(400, noPhone.status(), noPhone.body());
        assertNotNull(noPhone.error("contact.phone"));
        assertTrue(noPhone.body().contains("contact.phone") && !noPhone.body().contains("\"contact.email\""),
                "texts need no email: " + noPhone.body());
        Api.Reply landline = api.post("/feedback", Map.of("kind", "complaint", "about", Map.of("unitId", "waste"),
                "message", "Rude.", "preferredChannel", "sms", "contact", Map.of("phone", "(08) 9999 0000")));
        assertEquals(400, landline.status(), landline.body());
        assertTrue(landline.error("contact.phone").contains("mobile"), landline.body());
        Api.Reply pigeon = api.post("/feedback", Map.of("kind", "complaint", "about", Map.of("unitId", "waste"),
                "message", "Rude.", "preferredChannel", "pigeon", "contact", Map.of("email", "a@example.com")));
        assertNotNull(pigeon.error("preferredChannel"), pigeon.body());

        String phone = Phones.e164(Phones.mobile());
        Api.Reply byText = api.post("/feedback", Json.write(Map.of("kind", "complaint", "about", Map.of("unitId", "waste"),
                "message", "Rude.", "preferredChannel", "sms", "contact", Map.of("phone", phone))), Map.of());
        assertEquals(201, byText.status(), byText.body());
        Phones.awaitText(phone, text -> text.text().contains("We have received your complaint"));
    }

    private static void staff(String groups, String unit, String step, String reference, Map<String, Object> body) {
        APIGatewayV2HTTPResponse response = FeedbackStack.asStaff(groups, unit, "POST /staff/complaints/{reference}/" + step,
                Map.of("reference", reference), Map.of(), body);
        assertEquals(200, response.getStatusCode(), response.getBody());
    }
}
