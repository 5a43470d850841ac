package org.citymaas.security.masking.control;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;

/**
 * A second opinion for the doubtful candidates: HanLP's segmenter with its name recognizer (role
 * tagging and Viterbi over the word graph) run over a short window around the candidate, which
 * must come back as one person-name term with exactly the candidate's span. The segmenter finds
 * modern given names the dictionary frequencies underrate (林睿泽, 梁沐晴) and turns down spans
 * that cut a word in two (到场时双方, 金毛犬); but it is about 25 µs a window and alone wrong on
 * one name span in six (占道, 单号), so it only decides between the cheap evidence's thresholds,
 * never on its own.
 *
 * <p>With {@link NameLexicon} the only classes that touch HanLP. The segmenter holds only its
 * configuration and is safe for concurrent use; its dictionaries are those the lexicon pinned to
 * the jar, which it loads first.
 */
final class NameWindows {

    /** Characters of context on each side: enough for the words next to a name, within the sentence. */
    private static final int CONTEXT = 6;

    private static final String SENTENCE_ENDS = "，。！？；：,.!?;:、\n（）()“”\"《》 ";

    private static final class Holder {
        static final Segment SEGMENT = segment();

        private static Segment segment() {
            NameLexicon.instance();
            return HanLP.newSegment()
                    .enableNameRecognize(true)
                    .enableOffset(true)
                    .enableCustomDictionary(false)
                    .enablePlaceRecognize(false)
                    .enableOrganizationRecognize(false)
                    .enableTranslatedNameRecognize(false)
                    .enableJapaneseNameRecognize(false);
        }
    }

    private NameWindows() {}

    /** Whether the segmenter reads {@code text[start, end)} as one person's name. */
    static boolean confirms(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < CONTEXT && SENTENCE_ENDS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && to - end < CONTEXT && SENTENCE_ENDS.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        for (var term : Holder.SEGMENT.seg(text.substring(from, to))) {
            if (from + term.offset == start) {
                return term.length() == end - start && term.nature.startsWith("nr");
            }
        }
        return false;
    }
}
