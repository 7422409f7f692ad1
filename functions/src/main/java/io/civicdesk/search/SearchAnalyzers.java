package io.civicdesk.search;

import io.civicdesk.languages.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * How text becomes terms. Articles are indexed stemmed ("collections" and "collected" are both "collect");
 * queries are stemmed the same way after the council's synonyms are added, so editing the synonyms needs no
 * new index to take effect in a query, only in the words the index suggests. The translations have their own
 * fields and their language's analyzer: Arabic normalised and lightly stemmed with its stop words
 * ({@link ArabicAnalyzer}); Vietnamese, whose words are syllables written apart and whose tones change the word,
 * lower-cased only ({@link StandardAnalyzer}). The synonyms are the council's English words, so only English has them.
 */
final class SearchAnalyzers {
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private SearchAnalyzers() {
    }

    /** Stemmed words, for the fields that are searched. */
    static Analyzer indexing() {
        return chain(null);
    }

    /** Stemmed words with the council's synonyms woven in, for what a person typed. */
    static Analyzer querying(Synonyms synonyms) {
        return chain(synonymMap(synonyms));
    }

    /** The analyzer of a translation's fields, indexed and searched alike. */
    static Analyzer translated(Language language) {
        return switch (language) {
            case ARABIC -> new ArabicAnalyzer();
            case VIETNAMESE -> new StandardAnalyzer();
            case ENGLISH -> indexing();
        };
    }

    /** Lower-cased whole words, unstemmed: what "did you mean" suggests from. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new StopFilter(new LowerCaseFilter(source), STOP_WORDS));
            }
        };
    }

    private static Analyzer chain(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new PorterStemFilter(new StopFilter(stream, STOP_WORDS));
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static SynonymMap synonymMap(Synonyms synonyms) {
        if (synonyms.groups().isEmpty()) {
            return null;
        }
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (List<String> group : synonyms.groups()) {
                for (String word : group) {
                    for (String other : group) {
                        if (!word.equals(other)) {
                            builder.add(phrase(word), phrase(other), true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef phrase(String words) {
        return SynonymMap.Builder.join(words.split(" +"), new CharsRefBuilder());
    }
}
