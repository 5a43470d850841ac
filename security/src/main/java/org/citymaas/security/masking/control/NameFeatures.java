package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.han;

import java.util.List;

/**
 * Describes one candidate name span for {@link NameClassifier}: the rules' verdict and the evidence
 * they weigh ({@link NameLikelihood}'s score, cue words, look-alikes), and what HanLP's dictionaries
 * say about the span, its parts and its neighbours (surname and given-name character frequencies,
 * dictionary words across its edges, the roles of the characters before and after names). Every
 * feature is a number about the span's evidence, never the identity of a name or a character, so
 * that what the classifier learns from the evaluation set carries over to other names.
 */
final class NameFeatures {

    /** The features' names, in vector order; the model file lists its weights under these names. */
    static final List<String> NAMES = List.of(
            "given2",
            "compound",
            "score",
            "scoreImpossible",
            "scoreOther",
            "rulesChoseThis",
            "rulesChoseOther",
            "roleBefore",
            "titleAfter",
            "titleNear",
            "reportingAfter",
            "familyAfter",
            "boundaryBefore",
            "boundaryAfter",
            "surnameFrequency",
            "givenFirstFrequency",
            "givenLastFrequency",
            "surnameAndFirstAsWord",
            "spanAsWord",
            "wordAcrossStart",
            "wordAcrossEnd",
            "spanAndNextAsWord",
            "beforeRole",
            "afterRole",
            "wordAfterRole",
            "wordBeforeRole",
            "spanIsNoun",
            "spanIsPlace",
            "segmenterSays",
            "recurs",
            "lookalikeAround",
            "everydayWordAtSurname",
            "prefixed",
            "surnameEndsWord",
            "unknownCharacter",
            "givenNameAsWord",
            "nextContinuesName",
            "surnameAsWord",
            "firstGivenAsWord",
            "lastGivenAsWord",
            "givenAsWord",
            "personVerbBefore",
            "fillsSlot");

    /**
     * Verbs whose object is a person, right before a span (让郑凯明天来, 跟占琳说, 通知严冬, 转告马向东): a word class, no
     * name's identity.
     */
    private static final String[] PERSON_VERBS = {
        "让", "跟", "叫", "找", "问", "请", "给", "陪", "帮", "替", "通知", "告诉", "转告", "联系", "探访", "走访", "回访", "表扬", "感谢", "提醒",
        "交给", "转给", "麻烦", "催", "批评", "看望", "慰问", "接待", "委托", "认识", "嘱咐", "安排"
    };

    /** Scores below this (and impossible ones) are clipped to it; above the opposite. */
    private static final double CLIP = 8.0;

    private NameFeatures() {}

    /**
     * The features of {@code s[start, start + surname + given)}.
     *
     * @param ruleEnd where the rules end a name at {@code start}, -1 for none
     * @param score the likelihood score of this span, {@code other} that of the other length
     * @param segmenter +1 where HanLP's segmenter reads the span as a name, -1 where it does not, 0 unasked
     */
    static double[] of(
            String s, int start, int surname, int given, int ruleEnd, double score, double other, int segmenter) {
        var lexicon = NameLexicon.instance();
        int g = start + surname;
        int end = g + given;
        char g1 = s.charAt(g);
        char next = at(s, end);
        char prev = at(s, start - 1);
        var x = new double[NAMES.size()];
        int i = 0;
        x[i++] = given == 2 ? 1 : 0;
        x[i++] = surname == 2 ? 1 : 0;
        x[i++] = clip(score);
        x[i++] = score == Double.NEGATIVE_INFINITY ? 1 : 0;
        x[i++] = clip(other);
        x[i++] = ruleEnd == end ? 1 : 0;
        x[i++] = ruleEnd > 0 && ruleEnd != end ? 1 : 0;
        x[i++] = NameCues.role(s, start) ? 1 : 0;
        x[i++] = NameCues.title(s, end) ? 1 : 0;
        x[i++] = NameCues.titleNear(s, g) ? 1 : 0;
        x[i++] = NameCues.reportingAt(s, end) ? 1 : 0;
        x[i++] = NameLikelihood.familyAfter(s, end) ? 1 : 0;
        x[i++] = han(prev) ? 0 : 1;
        x[i++] = han(next) ? 0 : 1;
        x[i++] = surname == 2 ? 3.0 : log(lexicon.surname(s.charAt(start)));
        x[i++] = log(given == 2 ? lexicon.givenFirst(g1) : lexicon.givenSingle(g1));
        x[i++] = given == 2 ? log(lexicon.givenLast(s.charAt(g + 1))) : 0;
        x[i++] = surname == 1 ? log(lexicon.wordFrequency(s, start, start + 2)) : 0;
        x[i++] = end - start > 2 ? log(lexicon.wordFrequency(s, start, end)) : 0;
        x[i++] = han(prev) ? log(lexicon.wordFrequency(s, start - 1, start + 1)) : 0;
        x[i++] = han(next) ? log(lexicon.wordFrequency(s, end - 1, end + 1)) : 0;
        x[i++] = han(next) ? log(lexicon.wordFrequency(s, start, end + 1)) : 0;
        x[i++] = log(lexicon.before(prev));
        x[i++] = log(lexicon.after(next));
        x[i++] = log(lexicon.wordAfter(s, end, end + 2));
        x[i++] = log(lexicon.wordBefore(s, start - 2, start));
        x[i++] = lexicon.noun(s, start, end) ? 1 : 0;
        x[i++] = lexicon.place(s, start, end) ? 1 : 0;
        x[i++] = segmenter;
        x[i++] = s.indexOf(s.substring(start, end), end) >= 0 || s.lastIndexOf(s.substring(start, end), start - 1) >= 0
                ? 1
                : 0;
        x[i++] = NameLookalikes.around(s, start, end) ? 1 : 0;
        x[i++] = surname == 1 && NameLookalikes.everydayWord(s, start) ? 1 : 0;
        x[i++] = NameLikelihood.prefixed(s, start) ? 1 : 0;
        x[i++] = NameLikelihood.endsWord(s, start) ? 1 : 0;
        x[i++] = unknown(lexicon, s, g, end) ? 1 : 0;
        x[i++] = given == 2 ? log(lexicon.wordGivenName(s, g, end)) : 0;
        x[i++] = han(next) ? log(lexicon.givenLast(next) + lexicon.givenSingle(next)) : 0;
        x[i++] = surname == 1 ? log(lexicon.wordFrequency(s, start, g)) : 0;
        x[i++] = log(lexicon.wordFrequency(s, g, g + 1));
        x[i++] = given == 2 ? log(lexicon.wordFrequency(s, g + 1, end)) : 0;
        x[i++] = given == 2 ? log(lexicon.wordFrequency(s, g, end)) : 0;
        x[i++] = personVerbBefore(s, start) ? 1 : 0;
        x[i++] = !han(prev) && !han(next) ? 1 : 0;
        return x;
    }

    private static boolean personVerbBefore(String s, int start) {
        for (var v : PERSON_VERBS) {
            if (start >= v.length() && s.startsWith(v, start - v.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unknown(NameLexicon lexicon, String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (lexicon.unknown(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static double clip(double score) {
        return Math.max(-CLIP, Math.min(CLIP, score));
    }

    private static double log(int frequency) {
        return Math.log10(1 + frequency);
    }
}
