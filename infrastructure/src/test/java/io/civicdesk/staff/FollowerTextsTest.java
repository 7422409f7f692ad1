package io.civicdesk.staff;

import io.civicdesk.local.TextsPage;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Phones;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Followers who chose text messages: someone who follows by text is texted the confirmation link, then each public
 * update with its one-click stop link; the resident of a duplicate who chose texts is texted the original's updates.
 */
class FollowerTextsTest {
    private static final Pattern FOLLOW_LINK = Pattern.compile("follow\\.html\\?ref=([A-Z0-9]+)#(confirm|unfollow)=([A-Za-z0-9_-]+)");

    private final StaffApi sam = StaffApi.as(SAM);
    private final Api api = TestStack.api();

    @Test
    void aFollowerByTextConfirmsFromATextGetsUpdatesInTheirLanguageAndCanStop() {
        String resident = StaffApi.email();
        String reference = StaffApi.residentReport(resident);
        String typed = Phones.mobile();
        String phone = Phones.e164(typed);
        Api.Reply asked = api.post("/requests/" + reference + "/followers", Json.write(Map.of("phone", typed, "language", "vi")), Map.of());
        assertEquals(202, asked.status(), asked.body());
        Api.Reply landline = api.post("/requests/" + reference + "/followers", Json.write(Map.of("phone", "(08) 9999 0000")), Map.of());
        assertEquals(400, landline.status(), landline.body());
        assertTrue(landline.error("phone").contains("mobile"), landline.body());

        TextsPage.Message confirmation = Phones.awaitText(phone, text -> text.text().contains("#confirm="));
        assertTrue(confirmation.text().contains("xác nhận"), "in the follower's language: " + confirmation.text());
        Matcher confirm = FOLLOW_LINK.matcher(confirmation.text());
        assertTrue(confirm.find(), confirmation.text());
        sam.done(reference, Map.of("action", "message", "publicMessage", "A truck is on its way."));
        Mailbox.awaitMailTo(resident, mail -> mail.text().contains("A truck is on its way."));
        Api.Reply confirmed = api.post("/requests/" + reference + "/followers/confirm", Json.write(Map.of("token", confirm.group(3))), Map.of());
        assertEquals(200, confirmed.status(), confirmed.body());

        sam.done(reference, Map.of("action", "message", "publicMessage", "The truck has been."));
        TextsPage.Message update = Phones.awaitText(phone, text -> text.text().contains("#unfollow="));
        assertTrue(update.text().contains("mà bạn theo dõi"), update.text());
        assertEquals(2, Phones.to(phone).size(), "the confirmation, and the update after confirming only: " + Phones.to(phone));

        Matcher unfollow = FOLLOW_LINK.matcher(update.text());
        assertTrue(unfollow.find(), update.text());
        Api.Reply stopped = api.post("/requests/" + reference + "/followers/unfollow", Json.write(Map.of("token", unfollow.group(3))), Map.of());
        assertEquals("unfollowed", stopped.json().path("outcome").asText(), stopped.body());
        sam.done(reference, Map.of("action", "message", "publicMessage", "All done."));
        Mailbox.awaitMailTo(resident, mail -> mail.text().contains("All done."));
        assertEquals(2, Phones.to(phone).size(), "no text after stopping: " + Phones.to(phone));
    }

    @Test
    void theResidentOfADuplicateWhoChoseTextsIsTextedTheOriginalsUpdatesAndMailedNothing() {
        String original = StaffApi.residentReport(StaffApi.email());
        String email = StaffApi.email();
        String typed = Phones.mobile();
        String phone = Phones.e164(typed);
        Map<String, Object> report = Reports.missedBin(email);
        report.put("contact", new HashMap<>(Map.of("name", "Alex Citizen", "email", email, "phone", typed)));
        report.put("preferredChannel", "sms");
        String duplicate = StaffApi.residentReport(report);
        Phones.awaitText(phone, text -> text.text().contains(duplicate.substring(0, 4)));

        sam.done(duplicate, Map.of("action", "duplicate", "originalReference", original));
        sam.done(original, Map.of("action", "message", "publicMessage", "A truck is on its way to your street."));
        TextsPage.Message update = Phones.awaitText(phone, text -> text.text().contains("/track.html?ref=" + original));
        assertTrue(update.text().contains("which you follow") && update.text().contains("#unfollow="),
                "a follower's text, which can stop them too: " + update.text());
        assertEquals(List.of(), Mailbox.to(email), "a resident who chose texts gets no mail");
    }
}
