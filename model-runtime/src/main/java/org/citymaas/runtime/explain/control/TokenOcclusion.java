package org.citymaas.runtime.explain.control;

import java.util.ArrayList;
import java.util.List;
import org.citymaas.runtime.explain.entity.Attribution;
import org.citymaas.runtime.explain.entity.RowExplanation;

/**
 * The tokens of a text as a character n-gram featurizer sees them, and the texts an occlusion explanation runs.
 * A token is one character (a code point: a Chinese character, a punctuation mark), except that a run of Latin
 * letters or digits is one word; whitespace is no token (the featurizer drops it). Only the first {@link
 * #MAX_TOKENS} tokens are explained; the rest stays in every text run.
 */
public final class TokenOcclusion {

    /** Most tokens explained per text: each costs one row. */
    public static final int MAX_TOKENS = 64;

    /**
     * @param text the token's characters, as given
     * @param start its first char index in the text
     * @param end the char index after it
     */
    public record Token(String text, int start, int end) {}

    private TokenOcclusion() {}

    /** The text's tokens in order, at most {@link #MAX_TOKENS}. */
    public static List<Token> tokens(String text) {
        var tokens = new ArrayList<Token>();
        int i = 0;
        while (i < text.length() && tokens.size() < MAX_TOKENS) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                i = next;
                continue;
            }
            if (word(cp)) {
                while (next < text.length() && word(text.codePointAt(next))) {
                    next += Character.charCount(text.codePointAt(next));
                }
            }
            tokens.add(new Token(text.substring(i, next), i, next));
            i = next;
        }
        return tokens;
    }

    private static boolean word(int cp) {
        return cp < 0x250 && Character.isLetterOrDigit(cp);
    }

    /** Rows an explanation of this text runs: the text, the empty text, the text without each token. */
    public static int rows(String text) {
        return 2 + tokens(text).size();
    }

    /** The texts to run: the text itself, the empty text, then the text without each token in turn. */
    public static List<String> texts(String text, List<Token> tokens) {
        var texts = new ArrayList<String>(2 + tokens.size());
        texts.add(text);
        texts.add("");
        for (Token t : tokens) {
            texts.add(text.substring(0, t.start()) + text.substring(t.end()));
        }
        return texts;
    }

    /**
     * One text's explanation from the outputs of its {@link #texts} (from row {@code first}): the top class of the
     * text, its probability, its probability for the empty text, and per token the drop in that probability when
     * the token is removed.
     */
    public static RowExplanation explain(float[] outputs, int first, ExplainedOutput output, List<Token> tokens) {
        int top = output.top(outputs, first);
        double prediction = output.value(outputs, first, top);
        double baseline = output.value(outputs, first + 1, top);
        var attributions = new ArrayList<Attribution>(tokens.size());
        for (int k = 0; k < tokens.size(); k++) {
            attributions.add(
                    new Attribution(tokens.get(k).text(), prediction - output.value(outputs, first + 2 + k, top)));
        }
        return new RowExplanation(prediction, baseline, attributions, output.label(top));
    }
}
