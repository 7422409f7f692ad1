package io.civicdesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.platform.Log;

import java.util.Map;

/**
 * {@code SearchIndexFunction}: builds the search index again and stores it as the next generation. Two triggers share
 * it: the catalogue table's stream, filtered to the items search reads (articles, services, synonyms), and an hourly
 * schedule. A stream batch, however many records it holds, is one build.
 */
public final class SearchIndexHandler extends EventHandler {
    private final IndexBuilder builder;

    public SearchIndexHandler() {
        this(SearchIndexWiring.indexBuilder());
    }

    public SearchIndexHandler(IndexBuilder builder) {
        this.builder = builder;
    }

    @Override
    protected IndexBuilder.Built handle(JsonNode event) {
        IndexBuilder.Built built = builder.rebuild();
        Log.info("search.index-built", Map.of("generation", built.generation(), "documents", built.documents(),
                "bytes", built.bytes(), "chunks", built.chunks(), "buildMillis", built.buildMillis(),
                "records", event.path("Records").size()));
        return built;
    }
}
