package io.civicdesk.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Monday each unit is mailed its articles past their review date, once a week however often the run is. */
class ArticleReviewRemindersTest {

    @Test
    void aUnitIsMailedItsArticlesPastReviewOnceAWeekWithALinkToEach() {
        JsonNode due = null;
        for (JsonNode article : TestStack.api().get("/staff/articles", Api.signedInAs("demo-admin")).json().path("articles")) {
            if (article.path("dueForReview").asBoolean()) {
                due = article;
            }
        }
        assertTrue(due != null, "the demo council has an article past its review date");
        String unitId = due.path("unitId").asText();
        String unitMailbox = unitId + "@melaleuca.example";
        String title = due.path("title").asText();

        TestStack.get().runSchedules("ArticleReviewFunction");
        TestStack.get().runSchedules("ArticleReviewFunction");

        Message mail = Mailbox.awaitMailTo(unitMailbox, m -> m.subject().contains("to review"));
        assertTrue(mail.text().contains(title), mail.text());
        assertTrue(mail.text().contains("/staff/article.html?id=" + due.path("articleId").asText()), mail.text());
        assertFalse(mail.text().contains("@"), "no one's address in the body: " + mail.text());
        List<Map<String, AttributeValue>> written = TestStack.get().dynamoDb().scan(scan -> scan.tableName("OutboxTable")
                .filterExpression("begins_with(pk, :prefix)")
                .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS("MAIL#article-review-" + unitId + "-"))))
                .items();
        assertEquals(1, written.size(), "run twice in a week, mailed once");
    }
}
