package org.citymaas.security.masking.control;

import java.util.BitSet;
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

    /**
     * Single surnames of the 百家姓 and of today's common-surname lists that the list below lacked:
     * those HanLP's core dictionary knows only as a name or not at all (湛 禹 宣 戎 浦 弘 琚 禤 殳),
     * those its person dictionary saw as surnames at least 100 times (洪 惠), and those the
     * development files use as surnames (凤 郁 燕 幸 贝 弓 蹇 闻 权 植). Characters that are first of
     * all part of everyday words stay out, surname or not (况 in 情况, 益 in 权益, 危, 劳, 籍, 区, 位, 支):
     * every one of them is a candidate to weigh in nearly every municipal sentence.
     */
    private static final String MORE_SURNAMES = "湛禹宣戎韶雍浦茹衡弘殳夔亢郈禤琚雒郄洪惠凤郁燕幸贝弓蹇闻权植";

    /**
     * Single surnames of the 百家姓 that are also everyday characters: those HanLP's person dictionary
     * saw as a surname at least 10 times and its core dictionary counts fewer than 5,000 times as a
     * word of its own (乐 计 班 劳 满 居 利 相 …; not 元 经 都 区, which are first of all parts of
     * words nearly every sentence has). The evidence and the classifier weigh each of them as they
     * weigh 高 or 马; a third held-out file named people with 18 of them.
     */
    private static final String EVERYDAY_SURNAMES = "水云昌花乐计伏平强危诸松井巴牧山班伊祖印怀阴双劳扶堵寿鱼容戈居步满国东沃利隆须丰相公晋况伯言福";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
            + "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
            + "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
            + "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
            + "仲虞敖巩明佘池查麻苑迟邝丘乌习仝仵傅储冀匡厉奚宿封尉屠巢庹朴束杭栗楚毋濮狄皮矫索翦苍茅荆萧薄裘谈贡赖辜"
            + "阎钮" + MORE_SURNAMES + EVERYDAY_SURNAMES + NameLexicon.RARE_SURNAMES;
    private static final String[] COMPOUND_SURNAMES = {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "公孙", "端木", "轩辕"
    };
    private static final BitSet SINGLE_SURNAMES = set(SURNAMES);
    private static final BitSet EVERYDAY = set(EVERYDAY_SURNAMES);
    private static final BitSet COMPOUND_FIRST = new BitSet(65536);

    static {
        for (var c : COMPOUND_SURNAMES) {
            COMPOUND_FIRST.set(c.charAt(0));
        }
    }

    private static final int NOT_CUED = -2;

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
        return SINGLE_SURNAMES.get(c) || COMPOUND_FIRST.get(c);
    }

    @Override
    public int match(String s, int start) {
        int surname = surnameLength(s, start);
        if (surname <= 0 || NameLookalikes.covers(s, start) || insideCompoundSurname(s, start)) {
            return -1;
        }
        int cued = cued(s, start, surname);
        if (cued != NOT_CUED) {
            return cued;
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
     * An everyday surname ({@link #EVERYDAY_SURNAMES}) that makes a dictionary word with its given name
     * ({@code 双方}、{@code 公司}、{@code 居委会}): without a role before it, the word.
     */
    private static boolean everydayWord(String s, int start, int end) {
        return EVERYDAY.get(s.charAt(start))
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
        int surname = surnameLength(s, start);
        if (surname <= 0
                || NameLookalikes.covers(s, start)
                || insideCompoundSurname(s, start)
                || cued(s, start, surname) != NOT_CUED) {
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
        // as the rules: no two-character given name before a family word (刘鹏家的狗, 查自家) or after 于周五;
        // and none that makes the whole span a dictionary word other than a name (蒲公英, 石景山)
        boolean twoPossible = !NameLikelihood.familyAfter(s, g + 1) && !NameLookalikes.everydayWord(s, g);
        for (int given = 1; given <= 2; given++) {
            int to = g + given;
            if ((given == 1 || twoPossible)
                    && NameLikelihood.possible(s, start, surname, given)
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
        boolean role = NameCues.role(s, start);
        if (!role && !NameCues.titleNear(s, g)) {
            return NOT_CUED;
        }
        if (surname == 1 && NameLookalikes.everydayWord(s, start) && !(role && field(s, start))) {
            return -1; // but an everyday word alone in a form's field is a name: 联系人：向前；
        }
        for (int given = 2; given >= 1; given--) {
            if (NameLikelihood.givenName(s, g, given) && NameCues.title(s, g + given)) {
                // 担任小组长, 安全告家长书, 一位残疾老人: the surname character ends a word or a quantity
                return NameLikelihood.possible(s, start, surname, given)
                                && (role
                                        || !NameLikelihood.endsWord(s, start)
                                                && !NameLikelihood.prefixed(s, start)
                                                && !everydayWord(s, start, g + given))
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
        if (surname == 1 && NameLikelihood.prepositionBeforeTime(s, start)) {
            return -1; // 楼长于周五前: a time, not a name
        }
        return NameLikelihood.givenName(s, g, 2)
                        && !NameCues.reportingAt(s, g + 1) // 据关山介绍
                        && likelihood.score(s, start, surname, 2) + ROLE_THREE_CHARACTERS
                                >= likelihood.score(s, start, surname, 1)
                        && !NameLikelihood.familyAfter(s, g + 1)
                ? g + 2
                : g + 1;
    }

    /** A compound surname starts at {@code start}. */
    static boolean compoundAt(String s, int start) {
        return surnameLength(s, start) == 2;
    }

    /** The two characters at {@code start} fill a form's field: a colon before them, no Han character after. */
    private static boolean field(String s, int start) {
        char before = Chars.at(s, start - 1);
        return (before == '：' || before == ':') && !Chars.han(Chars.at(s, start + 2));
    }

    /** The character before and this one make a compound surname: 夏侯晨 is no 侯晨. */
    private static boolean insideCompoundSurname(String s, int start) {
        if (start == 0 || !COMPOUND_FIRST.get(s.charAt(start - 1))) {
            return false;
        }
        for (var c : COMPOUND_SURNAMES) {
            if (s.startsWith(c, start - 1)) {
                return true;
            }
        }
        return false;
    }

    /** 2 for a compound surname, 1 for a single one, 0 for none, -1 for a compound with no given name after it. */
    private static int surnameLength(String s, int start) {
        for (int i = 0; COMPOUND_FIRST.get(s.charAt(start)) && i < COMPOUND_SURNAMES.length; i++) {
            if (s.startsWith(COMPOUND_SURNAMES[i], start)) {
                // 欧阳女士 is a surname and a title, never 欧 with the given name 阳
                return NameLikelihood.givenName(s, start + 2, 1) ? 2 : -1;
            }
        }
        return SINGLE_SURNAMES.get(s.charAt(start)) ? 1 : 0;
    }

    private static BitSet set(String chars) {
        var bits = new BitSet(65536);
        chars.chars().forEach(bits::set);
        return bits;
    }
}
