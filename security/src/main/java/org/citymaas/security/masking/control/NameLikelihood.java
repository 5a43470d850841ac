package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.han;

import java.util.BitSet;

/**
 * Decides, without a cue word, whether a surname character starts a name, and how long the given
 * name is, from HanLP's dictionaries ({@link NameLexicon}): the surname's and each given-name
 * character's frequency in its role, the words before and after, and against it, how often the
 * surname and the next characters form an ordinary word ({@code 高速}、{@code 马上}、{@code 周末}) or
 * the candidate sits inside a longer one ({@code 提高}、{@code 张家口}). Each piece of evidence is a
 * log-frequency, so the score is a sum a person can read; the weights and the threshold were
 * tuned on the development half of the person-name evaluation set.
 */
final class NameLikelihood {

    static final double THRESHOLD = 0.0;
    static final double DOUBT = -0.8;
    /** How much less likely the longer reading may be when the shorter one strands a character (长孙锦瑟：). */
    private static final double STRANDED = 1.5;
    /** A character the dictionaries never saw at all is more likely a rare given-name character (牛犇) than a word. */
    private static final int UNKNOWN_USE = 400;
    /** Characters that end a name: particles, verbs and nouns that follow names, not found in them. */
    private static final String BREAKS = "的了在是说称讲问反来去电打拨投诉于因对把被让给到从与及或等也都就又请要想已曾将"
            + "现先女同老师医手机号码身份证地址住邮箱车牌年日岁性别男今昨表示应通过该其此这那您你我他她们"
            + "情况问题并且但而还再没不很太多个次位名";

    /**
     * Breaks that HanLP's person dictionary saw at least 200 times as the last of two given-name characters (永年,
     * 春来, 亚男).
     */
    private static final String LAST_BREAKS = "来年男";
    /** A word the core dictionary counts fewer times than this is seldom used (心怡 9 times; 社区 4,484). */
    private static final int RARE_WORD = 50;

    /** A verb the core dictionary counts this often is a word, not a given name's end and a particle (申请, 强调). */
    private static final int COMMON_VERB = 1000;

    /** At least this many uses as the first of two given-name characters make a character common there (永, 春). */
    private static final int COMMON_FIRST = 300;

    /** Fewer uses than this as the last character of a given name make a character rare there (向, not 朝). */
    static final int RARE_LAST = 100;

    /** Characters that may begin a given name but hardly ever end one before what follows: 诸葛亮家. */
    static final String NOT_LAST = "家";
    /** Words about a person that follow the name and open with a common given-name character: 慕容晨【生日】快乐. */
    private static final String[] AFTER_PERSON = {"生日", "生前", "生病", "生气", "生活"}; // all open with 生

    static final BitSet BREAK_SET = new BitSet(65536);

    static {
        BREAKS.chars().forEach(BREAK_SET::set);
    }

    /** After a surname these make a form of address, not a given name: 张总, 王局, 李哥. */
    private static final String HONORIFICS = "总老氏局处科所队工哥姐妹弟叔婶嫂伯姨爷奶妈爸董经主院校某";

    static final BitSet HONORIFIC_SET = new BitSet(65536);

    static {
        HONORIFICS.chars().forEach(HONORIFIC_SET::set);
    }
    /** Before a surname these make a form of address: 老张, 小李, 阿王. */
    private static final String ADDRESS_PREFIXES = "老小阿";
    /** Before a surname that is also a classifier or a numeral these make a quantity: 四万余元, 一张, 两位. */
    private static final String NUMERAL_PREFIXES = "零一二三四五六七八九十百千万亿两几数";
    /**
     * Before a surname these may make a time or a quantity with it (下周, 本周, 这周, 第一), when the two are a
     * word; otherwise they end the word before (班会上赵泽宇, 问一下鞠红艳).
     */
    private static final String WORD_PREFIXES = "每第上下本这那该哪";
    /** Surname characters that are also periods of time: 下周, 本季. */
    private static final String PERIODS = "周季";

    /** The dictionaries load on the first candidate, so scanners that never meet a surname never wait. */
    private static NameLexicon lexicon() {
        return NameLexicon.instance();
    }

    /**
     * Two characters at {@code from} are common in given names: the first often first, the second often last, and
     * together seldom a word (立德, 心怡, 建军; not 东门, 社区, 物业).
     */
    static boolean commonGivenName(String s, int from) {
        var lexicon = lexicon();
        return givenName(s, from, 2)
                && lexicon.givenFirst(at(s, from)) >= COMMON_FIRST
                && lexicon.givenLast(at(s, from + 1)) >= COMMON_FIRST
                && lexicon.wordFrequency(s, from, from + 2) < RARE_WORD;
    }

    /**
     * A common single surname opens a clause with two given characters and a verb of saying after them (习向东称,
     * 向海龙报警, 冉叶子说): the speaker, though the surname and the next character or the given name alone are a
     * word or a place.
     */
    static boolean speaker(String s, int start) {
        return !han(at(s, start - 1))
                && NameSurnames.common(s.charAt(start))
                && (commonGivenName(s, start + 1) || lexicon().wordGivenName(s, start + 1, start + 3) > 0)
                && NameCues.reportingAt(s, start + 3);
    }

    /**
     * The surname at {@code start} is part of a form of address, not the start of a name: a surname
     * and an honorific (王工 the engineer, 李总, 张局), a surname character that is itself the
     * honorific of the surname before it (韩【董】承诺), or the last character of a title (魏师【傅】和金女士).
     */
    static boolean formOfAddress(String s, int start, int surname) {
        char before = at(s, start - 1);
        return HONORIFIC_SET.get(at(s, start + surname))
                || surname == 1
                        && HONORIFIC_SET.get(s.charAt(start))
                        && lexicon().surname(before) > lexicon().before(before) // 韩董, not 向董明汇报
                || surname == 1 && NameCues.titleEndingAt(s, start + 1) && !NameCues.role(s, start); // 店主任国平
    }

    /** A character or word at {@code at} that reads as "the family of" what precedes it: 刘鹏【家】的狗, 李娜【孙女】. */
    static boolean familyAfter(String s, int at) {
        char c = at(s, at);
        if (NOT_LAST.indexOf(c) >= 0 || NameCues.kinAt(s, at)) {
            return true;
        }
        if (c != AFTER_PERSON[0].charAt(0)) {
            return false;
        }
        for (var w : AFTER_PERSON) {
            if (s.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the name that starts at {@code start} with a surname of that length, or -1. Above
     * {@link #THRESHOLD} the evidence decides alone; between {@link #DOUBT} and it, the segmenter
     * must read the same span as a name ({@link NameWindows}).
     */
    int end(String s, int start, int surname) {
        int g = start + surname;
        // 刘鹏家的狗; 于周五前 (without a cue, an everyday word after 于 is no given name)
        double two = familyAfter(s, g + 1) || surname == 1 && NameLookalikes.everydayWord(s, g) && !speaker(s, start)
                ? Double.NEGATIVE_INFINITY
                : score(s, start, surname, 2);
        double one = score(s, start, surname, 1);
        int given = two >= one || two > DOUBT && two > one - STRANDED && strandsOne(s, g + 2) ? 2 : 1;
        double best = given == 2 ? Math.max(two, Math.min(one, THRESHOLD + 0.01)) : one;
        if (best > THRESHOLD) {
            return g + given;
        }
        if (best > DOUBT) {
            if (NameWindows.confirms(s, start, g + given)) {
                return g + given;
            }
            if (Math.min(two, one) > DOUBT && NameWindows.confirms(s, start, g + 3 - given)) {
                return g + 3 - given;
            }
        }
        return -1;
    }

    /**
     * The one-character reading would leave a single character stranded before {@code next}, a
     * punctuation mark or the end (长孙锦瑟：): a name does not stop one character short of one.
     */
    private static boolean strandsOne(String s, int next) {
        return !han(at(s, next));
    }

    /** The evidence for a name of {@code surname} plus {@code given} characters at {@code start}. */
    double score(String s, int start, int surname, int given) {
        int g = start + surname;
        int end = g + given;
        if (!NameSpans.possible(s, start, surname, given)) {
            return Double.NEGATIVE_INFINITY;
        }
        var lexicon = lexicon();
        double score = surname == 2 ? 3.0 : log(lexicon.surname(s.charAt(start))) - 3.0;
        char g1 = s.charAt(g);
        if (given == 2) {
            char g2 = s.charAt(g + 1);
            score += log(lexicon.givenFirst(g1) + nameUse(g1) / 4) - 2.5;
            score += log(lexicon.givenLast(g2) + nameUse(g2) / 4) - 2.5;
            // a given name seen whole (张【朝阳】), or doubled as girls' names often are (婷婷)
            score += g1 == g2 ? 1.0 : 0.5 * log(lexicon.wordGivenName(s, g, end));
        } else {
            score += log(lexicon.givenSingle(g1) + nameUse(g1) / 4) - 2.0;
        }
        // the surname and the first given character as an ordinary word: 高速, 马上, 江苏
        // ... unless the sentence opens with it and a verb of saying follows: 向阳投诉, 方圆说
        if (surname == 1 && (han(at(s, start - 1)) || !NameCues.reportingAt(s, end))) {
            score -= log(lexicon.wordFrequency(s, start, start + 2));
        }
        // the name inside a longer word: 张家口, 王府井, 黄河路
        score -= log(lexicon.wordFrequency(s, start, end + 1));
        // the character before and the surname as a word: 提高, 同时, 对方
        int wordBefore = han(at(s, start - 1)) ? lexicon.wordFrequency(s, start - 1, start + 1) : 0;
        score -= 1.5 * log(wordBefore);
        // ... or the two before and the surname: 开发商, 所有权
        if (han(at(s, start - 2))) {
            score -= log(lexicon.wordFrequency(s, start - 2, start + 1));
        }
        // a word that ends in the surname character, then a common noun never seen as a given name: 加盖公章, 堆成小山
        if (given == 2
                && wordBefore > 0
                && !NameCues.role(s, start)
                && lexicon.noun(s, g, end)
                && lexicon.wordGivenName(s, g, end) == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // the last given character and the next as a word: 王强调, 郑凯存在
        // 新的 is in the dictionary, yet 的 ends 立新 the name; an adverb or a common verb does not end it
        // (时【正在】值班, 郭鹏【申请】补贴; but 端木思【远在】)
        if (!BREAK_SET.get(at(s, end))
                || lexicon.adverb(s, end - 1, end + 1)
                || lexicon.verb(s, end - 1, end + 1) && lexicon.wordFrequency(s, end - 1, end + 1) >= COMMON_VERB) {
            score -= log(lexicon.wordFrequency(s, end - 1, end + 1));
        }
        // the whole candidate as a word: 石景山, 蒲公英
        if (end - start > 2) {
            int word = lexicon.wordFrequency(s, start, end);
            score -= word > 0 ? 2.0 + log(word) : 0.0;
        }
        return score + context(s, start, end);
    }

    /**
     * An everyday word that opens a clause and is the subject of a verb only a person does: 高兴反映,
     * 凌晨称, 关心报案 are people (the speaker is never a time or a mood), and so after a role (诉求人严格反映). Nouns
     * stay words: 车主反映, 商户投诉. A chat mention is a person too: {@code @夏日 请核实}.
     */
    static boolean reportsFirst(String s, int start, int end) {
        if (at(s, start - 1) == '@') {
            return !han(at(s, end));
        }
        return (!han(at(s, start - 1)) || NameCues.role(s, start))
                && NameCues.personReportingAt(s, end)
                && !lexicon().noun(s, start, end);
    }

    /** The surname character ends a word with the one before it: 担任, 安全, 加盖. */
    static boolean endsWord(String s, int start) {
        return han(at(s, start - 1)) && lexicon().wordFrequency(s, start - 1, start + 1) > 0;
    }

    /**
     * {@code length} characters from {@code from} could be a given name: Han characters, none of the breaks, except
     * a break that often ends two-character given names ({@link #lastBreak}).
     */
    static boolean givenName(String s, int from, int length) {
        for (int i = from; i < from + length; i++) {
            char c = at(s, i);
            if (!han(c)
                    || BREAK_SET.get(c)
                            && !(length == 2 && i == from + 1 && lastBreak(s, from))
                            && !(length == 2 && i == from && firstBreak(s, from))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The second of two given-name characters at {@code from} is one of the {@link #LAST_BREAKS} (罗永年反映, 巩福来，,
     * 刘亚男): the first is a common first given-name character, neither the two nor the break and the character
     * after it make a dictionary word (明年, 中年, 年初, 先生, 来电), and {@code 来}, first of all a verb, ends the text or
     * a clause (王伟来了 stays 王伟).
     */
    private static boolean lastBreak(String s, int from) {
        char first = at(s, from);
        char last = at(s, from + 1);
        if (LAST_BREAKS.indexOf(last) < 0 || !han(first) || BREAK_SET.get(first)) {
            return false;
        }
        var lexicon = lexicon();
        return lexicon.givenFirst(first) >= COMMON_FIRST
                && !lexicon.word(s, from, from + 2)
                && !lexicon.word(s, from + 1, from + 3)
                && (last != '来' || !han(at(s, from + 2)));
    }

    /**
     * The first of two given-name characters at {@code from} is {@code 来} and the second a common last given-name
     * character (来顺, 来福, 来喜: names of the 1950s and 60s): neither the two nor the second and what follows make a
     * dictionary word (来往, 来信, 来自), and no Han character follows the two unless a verb of saying or a family word
     * does (王来顺反映, 樊福来家; not 王来找过).
     */
    private static boolean firstBreak(String s, int from) {
        if (at(s, from) != FIRST_BREAK || BREAK_SET.get(at(s, from + 1))) {
            return false;
        }
        var lexicon = lexicon();
        return lexicon.givenLast(at(s, from + 1)) >= COMMON_LAST_OF_FIRST_BREAK
                && !lexicon.word(s, from, from + 2)
                && !lexicon.word(s, from + 1, from + 3);
    }

    /** A break that opens given names of an older generation: 来 (来顺, 来福). */
    private static final char FIRST_BREAK = '来';

    /** After {@link #FIRST_BREAK}, a character used this often as a given name's last makes the pair a name. */
    private static final int COMMON_LAST_OF_FIRST_BREAK = 300;

    /** How often the character was part of a given name in any position. */
    private static int nameUse(char c) {
        var lexicon = lexicon();
        int use = lexicon.givenFirst(c) + lexicon.givenLast(c) + lexicon.givenSingle(c);
        return use == 0 && lexicon.unknown(c) ? UNKNOWN_USE : use;
    }

    /**
     * Where the name stops: a boundary or a word often seen next to names counts for it; a next
     * character that is itself a likely given-name character counts against stopping here.
     */
    private static double context(String s, int start, int end) {
        var lexicon = lexicon();
        char prev = at(s, start - 1);
        double before = !han(prev)
                ? 1.0
                : Math.max(log(lexicon.before(prev)), log(lexicon.wordBefore(s, start - 2, start))) / 3.0;
        if (han(prev) && prefixed(s, start, prev)) {
            return Double.NEGATIVE_INFINITY;
        }
        char next = at(s, end);
        double after = !han(next) || NameCues.reportingAt(s, end)
                ? 1.0
                : (Math.max(log(lexicon.after(next)), log(lexicon.wordAfter(s, end, end + 2)))
                                - (NOT_LAST.indexOf(next) >= 0 ? 0.0 : log(nameUse(next))))
                        / 2.0; // 家 begins given names but does not end them: 琚星辰【家】住
        return before + after - 1.0;
    }

    /** The character before the surname makes a form of address, a quantity or a time with it. */
    static boolean prefixed(String s, int start) {
        char prev = at(s, start - 1);
        return han(prev) && prefixed(s, start, prev);
    }

    private static boolean prefixed(String s, int start, char prev) {
        if (ADDRESS_PREFIXES.indexOf(prev) >= 0) {
            return true;
        }
        if (NUMERAL_PREFIXES.indexOf(prev) >= 0) {
            return NUMERAL_PREFIXES.indexOf(s.charAt(start)) >= 0 // 四万
                    || lexicon().quantity(s.charAt(start))
                    || lexicon().wordFrequency(s, start - 1, start + 1) > 0;
        }
        return WORD_PREFIXES.indexOf(prev) >= 0
                && (PERIODS.indexOf(s.charAt(start)) >= 0 || lexicon().wordFrequency(s, start - 1, start + 1) > 0);
    }

    private static double log(int frequency) {
        return Math.log10(1 + frequency);
    }
}
