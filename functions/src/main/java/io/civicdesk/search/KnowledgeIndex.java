package io.civicdesk.search;

import io.civicdesk.languages.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.QueryBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services and published articles as one Lucene index, searched by relevance with the council's synonyms,
 * stemming and a tolerance for typing mistakes. Built whole (a council has thousands of articles, not millions), held
 * in memory, and written out as its files so a function can load the index once per container. A translation is
 * indexed in fields of its own ({@code title_ar}, {@code summary_ar}, {@code body_ar}) with its language's analyzer;
 * a search in a language looks in them as well as in the English, and answers with the translated title, summary
 * and snippet where there is one.
 */
public final class KnowledgeIndex {
    /** Searched fields and how much a match in each counts: a word in the title says more than one in the body. */
    private static final Map<String, Float> FIELDS = Map.of("title", 4f, "keywords", 3f, "summary", 2f, "body", 1f);
    /** The fields a translation has, weighed as the English ones are. */
    private static final List<String> TRANSLATED = List.of("title", "summary", "body");
    /** Typing mistakes count for less than the words themselves, so an exact match ranks first. */
    private static final float FUZZY_WEIGHT = 0.4f;
    private static final int MAX_TERMS = 12;
    private static final int SNIPPET_CHARS = 160;
    /** The layout {@link #bytes()} writes; a stored index of another layout is rebuilt, never misread. */
    private static final int FORMAT = 0x43444B31;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer indexing = analyzers();

    private KnowledgeIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    public static KnowledgeIndex build(List<SearchDocument> documents) {
        try {
            Directory directory = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(analyzers());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (SearchDocument document : documents) {
                    writer.addDocument(toLucene(document));
                }
                writer.forceMerge(1);
            }
            return new KnowledgeIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each field's analyzer: English stemmed, "did you mean"'s words whole, and each translation its language's. */
    private static Analyzer analyzers() {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put("words", SearchAnalyzers.words());
        for (Language language : translatedLanguages()) {
            Analyzer analyzer = SearchAnalyzers.translated(language);
            TRANSLATED.forEach(field -> perField.put(field(field, language), analyzer));
        }
        return new PerFieldAnalyzerWrapper(SearchAnalyzers.indexing(), perField);
    }

    private static List<Language> translatedLanguages() {
        return Language.supported().stream().filter(language -> language != Language.SOURCE).toList();
    }

    /** The field of {@code name} in {@code language}: English's own name, {@code title_ar} for a translation. */
    private static String field(String name, Language language) {
        return language == Language.SOURCE ? name : name + "_" + language.tag();
    }

    /** An index from the files {@link #files()} gave. */
    public static KnowledgeIndex load(Map<String, byte[]> files) {
        try {
            Directory directory = new ByteBuffersDirectory();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                try (IndexOutput output = directory.createOutput(file.getKey(), IOContext.DEFAULT)) {
                    output.writeBytes(file.getValue(), file.getValue().length);
                }
            }
            return new KnowledgeIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index's files by name, to be stored and loaded again. */
    public Map<String, byte[]> files() {
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String name : directory.listAll()) {
                try (IndexInput input = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[Math.toIntExact(input.length())];
                    input.readBytes(bytes, 0, bytes.length);
                    files.put(name, bytes);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole index as one run of bytes — each file's name, length and content in turn — to be stored in pieces
     * and read back by {@link #fromBytes}.
     */
    public byte[] bytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                Map<String, byte[]> files = files();
                out.writeInt(FORMAT);
                out.writeInt(files.size());
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    out.writeUTF(file.getKey());
                    out.writeInt(file.getValue().length);
                    out.write(file.getValue());
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index {@link #bytes()} wrote. */
    public static KnowledgeIndex fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readInt() != FORMAT) {
                throw new IllegalArgumentException("Not a stored search index of this format");
            }
            int count = in.readInt();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] content = new byte[in.readInt()];
                in.readFully(content);
                files.put(name, content);
            }
            return load(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return reader.numDocs();
    }

    /**
     * The best {@code limit} hits for {@code query}, typed by someone reading {@code language}. {@code residentsOnly}
     * leaves out every staff-only article: the filter is part of the Lucene query, so no route answering residents
     * can let one through.
     */
    public SearchResults search(SearchQuery query, Language language, Synonyms synonyms, boolean residentsOnly,
                                int limit) {
        try {
            Query relevance = relevance(query, language, synonyms);
            if (relevance == null) {
                return new SearchResults(query.text(), List.of(), suggestion(query));
            }
            BooleanQuery.Builder scoped = new BooleanQuery.Builder().add(relevance, Occur.MUST);
            if (residentsOnly) {
                scoped.add(new TermQuery(new Term("audience", "residents")), Occur.FILTER);
            }
            ScoreDoc[] top = searcher.search(scoped.build(), limit).scoreDocs;
            QueryScorer scorer = new QueryScorer(relevance);
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                    new SimpleHTMLEncoder(), scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scored : top) {
                hits.add(hit(searcher.storedFields().document(scored.doc), language, scored.score, highlighter));
            }
            // Typos are forgiven in the results; "did you mean" still shows the resident the word as it is spelt.
            return new SearchResults(query.text(), hits, suggestion(query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query relevance(SearchQuery query, Language language, Synonyms synonyms) {
        QueryBuilder exact = new QueryBuilder(SearchAnalyzers.querying(synonyms));
        List<String> terms = terms(SearchAnalyzers.indexing(), query.text());
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean empty = true;
        if (language != Language.SOURCE) {
            QueryBuilder translated = new QueryBuilder(SearchAnalyzers.translated(language));
            for (String name : TRANSLATED) {
                Query words = translated.createBooleanQuery(field(name, language), query.text(), Occur.SHOULD);
                if (words != null) {
                    any.add(new BoostQuery(words, FIELDS.get(name)), Occur.SHOULD);
                    empty = false;
                }
            }
        }
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query words = exact.createBooleanQuery(field.getKey(), query.text(), Occur.SHOULD);
            if (words != null) {
                any.add(new BoostQuery(words, field.getValue()), Occur.SHOULD);
                empty = false;
            }
            for (String term : terms) {
                int edits = term.length() < 4 ? 0 : term.length() < 7 ? 1 : 2;
                if (edits > 0) {
                    any.add(new BoostQuery(new FuzzyQuery(new Term(field.getKey(), term), edits, 1),
                            field.getValue() * FUZZY_WEIGHT), Occur.SHOULD);
                    empty = false;
                }
            }
        }
        return empty ? null : any.build();
    }

    /** A hit in the reader's language: its translated title, summary and snippet where it has them. */
    private SearchHit hit(Document document, Language language, float score, Highlighter highlighter) throws IOException {
        String title = translatedOr(document, "title", language);
        String body = translatedOr(document, "body", language);
        String summary = translatedOr(document, "summary", language);
        String bodyField = document.get(field("body", language)) == null ? "body" : field("body", language);
        String summaryField = document.get(field("summary", language)) == null ? "summary" : field("summary", language);
        String snippet;
        try {
            snippet = highlighter.getBestFragment(indexing, bodyField, body);
            if (snippet == null) {
                snippet = highlighter.getBestFragment(indexing, summaryField, summary);
            }
        } catch (InvalidTokenOffsetsException e) {
            snippet = null;
        }
        if (snippet == null) {
            snippet = new SimpleHTMLEncoder().encodeText(summary);
        }
        return new SearchHit(SearchDocument.Type.valueOf(document.get("type")), document.get("id"), title,
                summary, snippet, "residents".equals(document.get("audience")), document.get("kind"), score);
    }

    private static String translatedOr(Document document, String name, Language language) {
        String translated = document.get(field(name, language));
        return translated == null ? document.get(name) : translated;
    }

    /** The words typed, each replaced by the nearest word the index holds when it holds none like it. */
    private Optional<String> suggestion(SearchQuery query) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        List<String> words = terms(SearchAnalyzers.words(), query.text());
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words.subList(0, Math.min(words.size(), MAX_TERMS))) {
            SuggestWord[] nearest = checker.suggestSimilar(new Term("words", word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (nearest.length > 0) {
                corrected.add(nearest[0].string);
                changed = true;
            } else {
                corrected.add(word);
            }
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    /** The words of {@code text} as "did you mean" reads them: lower-cased, unstemmed, without stop words. */
    static List<String> words(String text) {
        return terms(SearchAnalyzers.words(), text);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                if (!terms.contains(term.toString())) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Document toLucene(SearchDocument document) {
        Document lucene = new Document();
        lucene.add(new StringField("type", document.type().name(), Field.Store.YES));
        lucene.add(new StringField("id", document.id(), Field.Store.YES));
        lucene.add(new StringField("audience", document.forResidents() ? "residents" : "staff", Field.Store.YES));
        lucene.add(new StoredField("kind", document.kind()));
        lucene.add(new TextField("title", document.title(), Field.Store.YES));
        lucene.add(new TextField("summary", document.summary(), Field.Store.YES));
        lucene.add(new TextField("body", document.body(), Field.Store.YES));
        lucene.add(new TextField("keywords", String.join(" ", document.keywords()), Field.Store.NO));
        String words = String.join(" ", document.title(), document.summary(), document.body(),
                String.join(" ", document.keywords()));
        lucene.add(new TextField("words", words, Field.Store.NO));
        for (Language language : translatedLanguages()) {
            document.translations().fields(language).forEach((name, text) -> {
                if (TRANSLATED.contains(name)) {
                    lucene.add(new TextField(field(name, language), text, Field.Store.YES));
                }
            });
        }
        return lucene;
    }
}
