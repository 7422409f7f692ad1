package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.articles.ArticlesHandler;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;
import io.civicdesk.search.KnowledgeIndex;
import io.civicdesk.search.SearchDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * What the translations cost in bytes, on the demo council (`./civicdesk bench words`): a resident article's answer
 * ({@code GET /articles/{articleId}}) in each language, raw and gzipped as a phone downloads it, and the search index
 * with and without the translations' fields.
 */
final class WordsBenchmarks {
    private static final String TABLE_NAME = "CatalogTable";

    private WordsBenchmarks() {
    }

    static List<Table> measure(DynamoDbClient dynamo) {
        ArticleStore library = new ArticleStore(dynamo, TABLE_NAME);
        List<Article> residents = library.published().stream().filter(Article::forResidents)
                .filter(article -> article.kind() != io.civicdesk.articles.ArticleKind.UNIT_PAGE).toList();
        Table answers = new Table("A resident article's answer by language",
                "How measured: GET /articles/{articleId} answered by ArticlesHandler in process against the local stack's"
                        + " demo catalogue, the language by Accept-Language; bytes = the JSON body as UTF-8, gzip = that"
                        + " gzipped (java.util.zip, default level), as API Gateway's compression would send it.",
                "Article", "en bytes", "en gzip", "ar bytes", "ar gzip", "vi bytes", "vi gzip");
        ArticlesHandler handler = new ArticlesHandler();
        for (Article article : residents) {
            Object[] row = new Object[7];
            row[0] = article.articleId();
            int column = 1;
            for (Language language : Language.supported()) {
                byte[] body = answer(handler, article.articleId(), language);
                row[column++] = Table.number(body.length);
                row[column++] = Table.number(gzip(body).length);
            }
            answers.add(row);
        }

        List<SearchDocument> documents = SearchDocument.all(new CatalogStore(dynamo, TABLE_NAME).catalogue(), library);
        List<SearchDocument> englishOnly = documents.stream().map(document -> new SearchDocument(document.type(),
                document.id(), document.title(), document.summary(), document.body(), document.keywords(),
                document.forResidents(), document.kind(), Translations.NONE)).toList();
        long translated = documents.stream().filter(document -> !document.translations().byLanguage().isEmpty()).count();
        Table index = new Table("Search index of the demo council, with and without the translations",
                "How measured: every service and published article of the demo catalogue as SearchDocument.all reads"
                        + " them, built by KnowledgeIndex.build and written out by bytes() (what SearchIndexFunction"
                        + " stores); without = the same documents with their translations left out.",
                "Index", "Documents", "Documents translated", "Index bytes", "Index gzip");
        byte[] without = KnowledgeIndex.build(englishOnly).bytes();
        byte[] with = KnowledgeIndex.build(documents).bytes();
        index.add("English only", documents.size(), 0, Table.number(without.length), Table.number(gzip(without).length));
        index.add("with ar and vi", documents.size(), translated, Table.number(with.length), Table.number(gzip(with).length));
        return List.of(answers, index);
    }

    private static byte[] answer(ArticlesHandler handler, String articleId, Language language) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("GET /articles/{articleId}",
                Map.of("articleId", articleId), Map.of("accept-language", language.tag()), null),
                new BenchContext("ArticlesHandler"));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("GET /articles/" + articleId + " answered " + response.getStatusCode());
        }
        return response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
