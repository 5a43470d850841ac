package org.citymaas.security.masking.control;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Chinese personal names in running text: a surname from the list (or a compound one), one or two
 * given-name characters. Three ways to a name: where it stands (a roster's slot or a group chat's sender,
 * {@link NameRosters}; a sentence's opener before a verb only a person does, {@link NameOpeners}; a name
 * joined to another by 与 or 、); a cue word ({@link NameCueReading}: a role before it such as
 * {@code 投诉人}、{@code 患者}、{@code 姓名：}, a title after it such as {@code 先生}、{@code 同学}), which
 * is precise on its own; or, with no cue, the evidence of HanLP's dictionaries ({@link
 * NameLikelihood}), which tells {@code 张伟反映} and {@code 请转告王建国} from {@code 高速}、{@code 马上}
 * and {@code 周末}. Known look-alikes ({@link NameLookalikes}: places, brands, a surname and its
 * title) are never names. Where no cue speaks and the evidence is in doubt (a likelihood between
 * {@link #GATE} and {@link #SURE}), a classifier trained on the person-name evaluation set ({@link
 * NameClassifier}) weighs the candidate spans instead of the likelihood's threshold.
 */
public final class PersonNameRecognizer implements Recognizer {

    private static final String NUMERALS = "零一二两三四五六七八九十百千万几";

    /** After 那 these make a demonstrative (那儿, 那里, 那边, 那些): no surname 那. */
    private static final String DEMONSTRATIVE_ENDINGS = "儿里边些个样么时会天";

    /** Function-word surnames that join or lead words (和 and, 都 all, 从 from, 来 come, 过 pass, 通, 门, 区, 年, 校, 官). */
    private static final String CONNECTIVE_SURNAMES = "和都从来过通门区年校官";

    /** Between two names: 与, 和, 及, 同, 跟 and the enumeration comma. */
    private static final String CONJUNCTIONS = "与和及同跟、";

    /** Below this likelihood for both lengths a start is not worth the classifier's look: the rules decide alone. */
    static final double GATE = -3.0;
    /** At or above this likelihood the rules decide alone. */
    static final double SURE = 1.0;
    /** Likelihood scores between these ask HanLP's segmenter for its reading ({@link NameWindows}). */
    private static final double SEGMENTER_LOW = -2.0;

    private static final double SEGMENTER_HIGH = 0.5;

    private final NameLikelihood likelihood = new NameLikelihood();
    private final NameCueReading cues = new NameCueReading(likelihood);
    private final NameClassifier classifier;

    /** The recognizer with the trained classifier of {@link NameClassifier#load()}. */
    public PersonNameRecognizer() {
        this(NameClassifier.load());
    }

    /** With this classifier over the candidates, or the rules alone for {@code null}. */
    PersonNameRecognizer(NameClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public PiiType type() {
        return PiiType.PERSON_NAME;
    }

    @Override
    public boolean triggeredBy(char c) {
        return NameSurnames.triggers(c);
    }

    @Override
    public int match(String s, int start) {
        int surname = NameSurnames.length(s, start);
        if (surname <= 0
                || NameLookalikes.covers(s, start)
                || NameSurnames.insideCompound(s, start)
                || NameLookalikes.grade(s, start)
                || notASurname(s, start)) {
            return -1;
        }
        int famous = NameFamous.end(s, start);
        if (famous > 0) {
            return famous; // 屈原, 辛弃疾: a person every reader knows
        }
        int coordinated = coordinated(s, start, surname);
        if (coordinated > 0) {
            return coordinated;
        }
        int listed = Math.max(NameRosters.item(s, start, surname), NameOpeners.opener(s, start, surname));
        if (listed > 0) {
            return listed;
        }
        if (surname == 1 && NameSurnames.function(s.charAt(start)) && !functionName(s, start)) {
            return -1;
        }
        int cued = cues.end(s, start, surname);
        if (cued != NameCueReading.NOT_CUED) {
            return cued;
        }
        if (surname == 1 && NameLookalikes.district(s, start)) {
            return -1; // 在江宁上学: a district the dictionaries lack
        }
        if (classifier != null) {
            var candidates = doubtful(s, start, surname);
            if (candidates != null) {
                return classifier.end(start + surname, candidates);
            }
        }
        int end = likelihood.end(s, start, surname);
        return end < 0 || NameLookalikes.around(s, start, end) || everydayWord(s, start, end) ? -1 : end;
    }

    /**
     * An everyday surname ({@link NameSurnames#EVERYDAY_SURNAMES}) that makes a dictionary word with its given name
     * ({@code 双方}、{@code 公司}、{@code 居委会}): without a role before it, the word.
     */
    static boolean everydayWord(String s, int start, int end) {
        return NameSurnames.everyday(s.charAt(start))
                && !NameCues.role(s, start)
                && NameLexicon.instance().word(s, start, end);
    }

    /**
     * The feature vectors ({@link NameFeatures}) of the spans that may be a name at {@code start}
     * where the rules are in doubt (no cue word, a likelihood between {@link #GATE} and {@link
     * #SURE}): index 0 with one given-name character, 1 with two, {@code null} for a span that is no
     * candidate; {@code null} where the rules decide alone.
     */
    double[][] candidates(String s, int start) {
        int surname = NameSurnames.length(s, start);
        if (surname <= 0
                || NameLookalikes.covers(s, start)
                || NameSurnames.insideCompound(s, start)
                || NameLookalikes.grade(s, start)
                || notASurname(s, start)
                || NameFamous.end(s, start) > 0
                || coordinated(s, start, surname) > 0
                || NameRosters.item(s, start, surname) > 0
                || NameOpeners.opener(s, start, surname) > 0
                || surname == 1 && NameSurnames.function(s.charAt(start)) && !functionName(s, start)
                || cues.end(s, start, surname) != NameCueReading.NOT_CUED
                || surname == 1 && NameLookalikes.district(s, start)) {
            return null;
        }
        return doubtful(s, start, surname);
    }

    private double[][] doubtful(String s, int start, int surname) {
        double one = likelihood.score(s, start, surname, 1);
        double two = likelihood.score(s, start, surname, 2);
        double best = Math.max(one, two);
        if (best < GATE || best >= SURE) {
            return null;
        }
        int end = likelihood.end(s, start, surname);
        int rule = end < 0 || NameLookalikes.around(s, start, end) ? -1 : end;
        var vectors = new double[2][];
        int g = start + surname;
        // as the rules: no two-character given name before a family word (刘鹏家的狗, 查自家) or after 于周五
        // (but after a compound surname: 端木向东);
        // and none that makes the whole span a dictionary word other than a name (蒲公英, 石景山)
        boolean twoPossible = !NameLikelihood.familyAfter(s, g + 1)
                && !(surname == 1 && NameLookalikes.everydayWord(s, g) && !NameLikelihood.speaker(s, start));
        for (int given = 1; given <= 2; given++) {
            int to = g + given;
            if ((given == 1 || twoPossible)
                    && NameSpans.possible(s, start, surname, given)
                    && !NameLookalikes.around(s, start, to)
                    && (to - start < 3 || !NameLexicon.instance().word(s, start, to))
                    && !everydayWord(s, start, to)) {
                double score = given == 1 ? one : two;
                int segmenter = score > SEGMENTER_LOW && score < SEGMENTER_HIGH
                        ? NameWindows.confirms(s, start, to) ? 1 : -1
                        : 0;
                vectors[given - 1] =
                        NameFeatures.of(s, start, surname, given, rule, score, given == 1 ? two : one, segmenter);
            }
        }
        return vectors[0] == null && vectors[1] == null ? null : vectors;
    }

    /**
     * The end of a name joined to the name before it by a conjunction or an enumeration comma (牛德旺与年秀兰,
     * 宋国庆和斛明轩, 严梓轩、万一诺): two given characters common in names, where no look-alike speaks against them;
     * or -1.
     */
    private int coordinated(String s, int start, int surname) {
        if (CONJUNCTIONS.indexOf(Chars.at(s, start - 1)) < 0) {
            return -1;
        }
        int g = start + surname;
        if (!NameLikelihood.commonGivenName(s, g)
                || NameCues.titleNear(s, g) // 罗云飞和耿瑶夫妇: the title decides
                || NameLikelihood.familyAfter(s, g + 1)
                || !NameSpans.possible(s, start, surname, 2)
                || NameLookalikes.around(s, start, g + 2)) {
            return -1;
        }
        int before = start - 1;
        for (int length = 2; length <= 4; length++) {
            int from = before - length;
            if (from >= 0 && NameSurnames.triggers(s.charAt(from)) && match(s, from) == before) {
                return g + 2;
            }
        }
        return -1;
    }

    /**
     * A function-word surname ({@link NameSurnames#FUNCTION_SURNAMES}) may open a name here: at the start of a clause or
     * after a role word (都晓峰家门前, 当事人门立德), not inside a word (居民区, 过敏, 来信人, 和顺), not before a numeral
     * (都七十多了) or a common surname (和王老师, 和耿瑶夫妇: the conjunction before a name).
     */
    private static boolean functionName(String s, int start) {
        var lexicon = NameLexicon.instance();
        char next = Chars.at(s, start + 1);
        boolean clauseStart = !Chars.han(Chars.at(s, start - 1));
        // after a role, two characters that are common in given names (当事人门立德; not 家属来取, 网格员和物业)
        // ... or one such character that ends the clause (1床和勇，, 值周教师和静，)
        boolean oneGiven = !Chars.han(Chars.at(s, start + 2))
                && NameLexicon.instance().givenLast(next) >= NameLikelihood.RARE_LAST;
        // ... or, for a surname that is no conjunction or preposition (占, 粟, 练, 归), anywhere before two common given
        // characters (联系占福海, 的人是占永强)
        boolean anywhere =
                CONNECTIVE_SURNAMES.indexOf(s.charAt(start)) < 0 && NameLikelihood.commonGivenName(s, start + 1);
        return (clauseStart
                        || anywhere
                        || NameCues.role(s, start) && (NameLikelihood.commonGivenName(s, start + 1) || oneGiven))
                && !lexicon.word(s, start, start + 2)
                && !lexicon.word(s, start - 1, start + 1)
                && !lexicon.word(s, start - 2, start + 1)
                && !NameSurnames.common(next)
                && !lexicon.quantity(next)
                && NUMERALS.indexOf(next) < 0;
    }

    /**
     * The surname character opens a role word (矫正对象, 房东) or a chat group's bracketed name (【车友群】), is the 班
     * of a class's number (一（1）班荣语嫣) or 那 of a demonstrative (门卫那儿): no name starts there.
     */
    private static boolean notASurname(String s, int start) {
        return NameCues.roleAt(s, start)
                || NameCues.classNumber(s, start + 1)
                || s.startsWith("对象", start + 2) // 矫正对象, 帮扶对象: a role word
                || groupName(s, start)
                || s.charAt(start) == '那' && DEMONSTRATIVE_ENDINGS.indexOf(Chars.at(s, start + 1)) >= 0;
    }

    /** A chat group's bracketed name opens at {@code start}: 【车友群】, 【业主群】. */
    private static boolean groupName(String s, int start) {
        if (Chars.at(s, start - 1) != '【') {
            return false;
        }
        int close = s.indexOf('】', start);
        return close > start + 1 && close - start <= 8 && s.charAt(close - 1) == '群';
    }

    /** A compound surname starts at {@code start}. */
    static boolean compoundAt(String s, int start) {
        return NameSurnames.length(s, start) == 2;
    }
}
