package org.citymaas.security.masking.control;

import org.citymaas.security.masking.entity.PiiType;

/**
 * Chinese personal names in running text: a surname from the list (or a compound one), one or two
 * given-name characters. Two ways to a name: a cue word ({@link NameCues}: a role before it such as
 * {@code 投诉人}、{@code 患者}、{@code 姓名：}, a title after it such as {@code 先生}、{@code 同学}), which
 * is precise on its own; or, with no cue, the evidence of HanLP's dictionaries ({@link
 * NameLikelihood}), which tells {@code 张伟反映} and {@code 请转告王建国} from {@code 高速}、{@code 马上}
 * and {@code 周末}. Known look-alikes ({@link NameLookalikes}: places, brands, a surname and its
 * title) are never names. Where no cue speaks and the evidence is in doubt (a likelihood between
 * {@link #GATE} and {@link #SURE}), a classifier trained on the person-name evaluation set ({@link
 * NameClassifier}) weighs the candidate spans instead of the likelihood's threshold.
 */
public final class PersonNameRecognizer implements Recognizer {

    private static final int NOT_CUED = -2;

    private static final String NUMERALS = "零一二两三四五六七八九十百千万几";

    /** A word before a title counted this often is a department or a profession (麻醉, 党委), not a name. */
    private static final int PROFESSION_WORD = 100;

    /** Between two names: 与, 和, 及, 同, 跟 and the enumeration comma. */
    private static final String CONJUNCTIONS = "与和及同跟、";

    /** After a place these make it a city, a county or a district (温州市), never a given name. */
    private static final String ADMINISTRATIVE_UNITS = "省市县区州镇乡";

    /** After a role, most names have two given characters: the longer reading wins unless this much less likely. */
    private static final double ROLE_THREE_CHARACTERS = 1.0;

    /** Below this likelihood for both lengths a start is not worth the classifier's look: the rules decide alone. */
    static final double GATE = -3.0;
    /** At or above this likelihood the rules decide alone. */
    static final double SURE = 1.0;
    /** Likelihood scores between these ask HanLP's segmenter for its reading ({@link NameWindows}). */
    private static final double SEGMENTER_LOW = -2.0;

    private static final double SEGMENTER_HIGH = 0.5;

    private final NameLikelihood likelihood = new NameLikelihood();
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
                || NameLookalikes.grade(s, start)) {
            return -1;
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
        int cued = cued(s, start, surname);
        if (cued != NOT_CUED) {
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
    private static boolean everydayWord(String s, int start, int end) {
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
                || coordinated(s, start, surname) > 0
                || NameRosters.item(s, start, surname) > 0
                || NameOpeners.opener(s, start, surname) > 0
                || surname == 1 && NameSurnames.function(s.charAt(start)) && !functionName(s, start)
                || cued(s, start, surname) != NOT_CUED
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

    /** The name a cue word marks, -1 for a cue that marks none, or {@link #NOT_CUED}. */
    private int cued(String s, int start, int surname) {
        int g = start + surname;
        if (NameCues.title(s, g) || NameLikelihood.formOfAddress(s, start, surname)) {
            return -1; // a surname and a title (王先生) or a form of address (王工, 韩董) is no name
        }
        // after a speaker's label (市民：) a name is cued only where it fills the line alone (市民：张伟。)
        boolean role = NameCues.role(s, start) && (!NameCues.speakerLabel(s, start) || field(s, start));
        if (!role && !NameCues.titleNear(s, g)) {
            return NOT_CUED;
        }
        if (surname == 1 && NameLookalikes.everydayWord(s, start) && !(role && (field(s, start) || named(s, start)))) {
            return -1; // but an everyday word alone in a form's field or after 我叫 is a name: 联系人：向前；我叫雷雨，
        }
        if (role && surname == 1 && everydayVerb(s, start) && !field(s, start) && !named(s, start)) {
            return -1; // 为村民修理农机: an everyday surname that opens a word no one is named
        }
        for (int given = 2; given >= 1; given--) {
            if (NameLikelihood.givenName(s, g, given) && NameCues.title(s, g + given)) {
                if (!role
                        && (given == 1 || NameSurnames.everyday(s.charAt(start)))
                        && titleOfNextSurname(s.charAt(g + given - 1))) {
                    return -1; // the title is the next surname's: 回访时【汪所长】, 冒充【孔警官】
                }
                if (!role && surname == 1 && professionBefore(s, start)) {
                    return -1; // a department or a profession before a title: 麻醉医生, 党委书记
                }
                // 担任小组长, 安全告家长书, 一位残疾老人: the surname character ends a word or a quantity
                return NameSpans.possible(s, start, surname, given)
                                && (role
                                        || !NameLikelihood.endsWord(s, start)
                                                && !NameLikelihood.prefixed(s, start)
                                                && !everydayWord(s, start, g + given)
                                                // 村党支部书记: a three-character word before a title
                                                && !(given == 2
                                                        && NameLexicon.instance()
                                                                .word(s, start, g + 2)))
                        ? g + given
                        : -1;
            }
        }
        if (!role) {
            return NOT_CUED;
        }
        if (!NameLikelihood.givenName(s, g, 1)) {
            return -1;
        }
        // the role says a name follows; where the evidence finds one, it also knows best where it ends (俞美华为)
        int end = likelihood.end(s, start, surname);
        if (end > 0 && !NameLookalikes.around(s, start, end)) {
            return end;
        }
        if (surname == 1 && NameSpans.prepositionBeforeTime(s, start)) {
            return -1; // 楼长于周五前: a time, not a name
        }
        int to = NameLikelihood.givenName(s, g, 2)
                        && !NameCues.reportingAt(s, g + 1) // 据关山介绍
                        && likelihood.score(s, start, surname, 2) + ROLE_THREE_CHARACTERS
                                >= likelihood.score(s, start, surname, 1)
                        && !NameLikelihood.familyAfter(s, g + 1)
                ? g + 2
                : g + 1;
        // even after a role, no role word as the given name (被告向原告), no place or road (宁海路上), no place and its unit
        // (据温州市气象台)
        if (NameLookalikes.around(s, start, to)) {
            to = to == g + 2 && !NameLookalikes.around(s, start, g + 1) ? g + 1 : -1;
            if (to < 0) {
                return -1;
            }
        }
        return NameCues.roleAt(s, g)
                        || to == g + 2
                                && surname == 1
                                && ADMINISTRATIVE_UNITS.indexOf(s.charAt(g + 1)) >= 0
                                && NameLexicon.instance().place(s, start, g + 1)
                ? -1
                : to;
    }

    /**
     * An everyday surname ({@link NameSurnames#EVERYDAY_SURNAMES}) and the next character make a dictionary word that
     * was never a given name and is no noun (修理; not 国庆, 利民, 相国).
     */
    private static boolean everydayVerb(String s, int start) {
        var lexicon = NameLexicon.instance();
        return NameSurnames.everyday(s.charAt(start))
                && lexicon.word(s, start, start + 2)
                && lexicon.wordGivenName(s, start, start + 2) == 0
                && !lexicon.noun(s, start, start + 2);
    }

    /** A common surname far more often a surname than a given name's last character: 汪, 孔; not 华, 兰, 明. */
    private static boolean titleOfNextSurname(char c) {
        var lexicon = NameLexicon.instance();
        return NameSurnames.common(c) && lexicon.surname(c) > 2 * (lexicon.givenLast(c) + lexicon.givenSingle(c));
    }

    /**
     * The surname and the next character are a frequent dictionary word that is no name before a title: a department
     * or a profession (麻醉医生, 外科主任, 党委副书记).
     */
    private static boolean professionBefore(String s, int start) {
        var lexicon = NameLexicon.instance();
        return lexicon.wordFrequency(s, start, start + 2) >= PROFESSION_WORD
                && lexicon.wordGivenName(s, start, start + 2) == 0
                && !lexicon.place(s, start, start + 2);
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
        return (clauseStart || NameCues.role(s, start) && NameLikelihood.commonGivenName(s, start + 1))
                && !lexicon.word(s, start, start + 2)
                && !lexicon.word(s, start - 1, start + 1)
                && !lexicon.word(s, start - 2, start + 1)
                && !NameSurnames.common(next)
                && !lexicon.quantity(next)
                && NUMERALS.indexOf(next) < 0;
    }

    /** A compound surname starts at {@code start}. */
    static boolean compoundAt(String s, int start) {
        return NameSurnames.length(s, start) == 2;
    }

    /** The two characters at {@code start} follow 叫 or 名 (我叫雷雨，名叫江河): a name is being told, no Han character after. */
    private static boolean named(String s, int start) {
        char before = Chars.at(s, start - 1);
        return (before == '叫' || before == '名') && !Chars.han(Chars.at(s, start + 2));
    }

    /** The two characters at {@code start} fill a form's field: a colon before them, no Han character after. */
    private static boolean field(String s, int start) {
        char before = Chars.at(s, start - 1);
        return (before == '：' || before == ':') && !Chars.han(Chars.at(s, start + 2));
    }
}
