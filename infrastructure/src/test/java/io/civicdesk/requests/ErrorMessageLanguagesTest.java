package io.civicdesk.requests;

import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A resident's report refused in their language (POST /requests with {@code language}): each message from the
 * messages catalogue, the question named as they read it, the field names the same in every language so the page
 * puts each message beside its field. An officer's report is answered in English whatever the caller's language.
 */
class ErrorMessageLanguagesTest {
    private final Api api = TestStack.api();

    private Api.Reply refused(String language) {
        Map<String, Object> report = Reports.missedBin("not an email");
        report.remove("location");
        @SuppressWarnings("unchecked") Map<String, Object> answers = (Map<String, Object>) report.get("answers");
        answers.remove("bin-type");
        if (language != null) {
            report.put("language", language);
        }
        Api.Reply reply = api.post("/requests", report);
        assertEquals(400, reply.status(), reply.body());
        return reply;
    }

    @Test
    void anArabicReportIsRefusedInArabicNamingTheSameFields() {
        Api.Reply reply = refused("ar");
        assertEquals("اختر إجابة عن «أي صندوق لم يُفرَّغ؟».", reply.error("answers.bin-type"));
        assertEquals("أخبرنا أين توجد المشكلة: أدخل عنوانًا أو استخدم موقعك الحالي.", reply.error("location"));
        assertEquals("أدخل بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.com.", reply.error("contact.email"));
    }

    @Test
    void aVietnameseReportIsRefusedInVietnamese() {
        Api.Reply reply = refused("vi");
        assertEquals("Chọn một câu trả lời cho «Thùng rác nào không được đổ?».", reply.error("answers.bin-type"));
        assertEquals("Nhập địa chỉ email đúng định dạng, ví dụ name@example.com.", reply.error("contact.email"));
    }

    @Test
    void withoutALanguageOrWithOneWeDoNotSpeakTheMessagesAreEnglishAndTheLanguageIsNamed() {
        assertEquals("Choose an answer to 'Which bin was missed?'.", refused(null).error("answers.bin-type"));
        Api.Reply unknown = refused("fr");
        assertEquals("Choose an answer to 'Which bin was missed?'.", unknown.error("answers.bin-type"));
        unknown.assertNames("language");
    }

    @Test
    void anOfficersReportForACallerIsRefusedInEnglish() {
        Map<String, Object> report = Reports.missedBin("not an email");
        report.put("language", "ar");
        report.put("channel", "phone");
        Api.Reply reply = api.post("/staff/requests", io.civicdesk.platform.Json.write(report),
                Api.signedInAs("demo-officer-waste"));
        assertEquals("Enter an email address in the correct format, like name@example.com.", reply.error("contact.email"),
                reply.body());
    }
}
