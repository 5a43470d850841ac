package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.han;

/**
 * Whether a span could be a person's name at all, before any evidence is weighed ({@link NameLikelihood}): no break
 * inside, no form of address, no family, no everyday word, no place suffix, no quantity, no time after a preposition,
 * no verb doubled or followed by the perfective, no longer dictionary word that the span opens. Asked for cued names
 * too. Stateless; the dictionaries are {@link NameLexicon}'s.
 */
final class NameSpans {

    private NameSpans() {}

    private static NameLexicon lexicon() {
        return NameLexicon.instance();
    }

    /** A numeral as the one given character, then a classifier: a quantity (查一份, 付一半, 关一下), not 丁一. */
    private static final String NUMERALS = "一二两三四五六七八九十";

    /** Characters that open a time expression (本周, 周内, 今年, 次日, 当天, 每月, 同日, 下月, 上周). */
    private static final String TIME_STARTS = "本周今昨次当每同上下";

    /** Before a kinship word these make it someone's kin: 他的孙子, 其孙女. */
    private static final String POSSESSIVES = "的其";

    /** The surname that is also a demonstrative. */
    private static final char DEMONSTRATIVE = '那';

    /** After a numeral these make a number: 一万, 三千, 两百. */
    private static final String NUMERAL_UNITS = "十百千万亿";

    private static final String CLASSIFIERS = "下份个次半点遍趟眼声把张件些套辆位条元块批句段场顿口间";

    /** A conjunction that begins given names (和平) but never ends one: 张伟和王芳. */
    private static final String FIRST_ONLY = "和";

    /** Surname characters that after another Han character end a place name: 解放路发生, 李村, 高新花苑空巢. */
    private static final String PLACE_SUFFIXES = "路街巷村庄镇乡县区道苑";

    /** The span and the next character, four characters or more, are one dictionary word: 公共【厕所】. */
    private static boolean end4Word(String s, int start, int end) {
        return end + 1 - start >= 4 && lexicon().word(s, start, end + 1);
    }

    /**
     * The surname character ends a place name with what precedes it (解放【路】发生, 李【村】): a road or
     * village suffix after a Han character that is no break, preposition or role (跟路子涵, 和庄雨晴).
     */
    private static boolean placeSuffix(String s, int start) {
        char before = at(s, start - 1);
        return han(before)
                && PLACE_SUFFIXES.indexOf(s.charAt(start)) >= 0
                && !NameLikelihood.BREAK_SET.get(before)
                && !lexicon().preposition(before)
                && !NameCues.role(s, start);
    }

    /**
     * Whether a name of {@code surname} plus {@code given} characters could stand at {@code start} at
     * all: no break inside, no form of address (张总), no family (罗家), no everyday word (高速), no
     * road or village suffix taken for a surname (解放路发生), no role word taken for a given name
     * (向学生). Asked for cued names too.
     */
    static boolean possible(String s, int start, int surname, int given) {
        int g = start + surname;
        if (!NameLikelihood.givenName(s, g, given)
                || NameLikelihood.HONORIFIC_SET.get(s.charAt(g))
                || surname == 1
                        && NameLookalikes.everydayWord(s, start)
                        && !NameLikelihood.reportsFirst(s, start, g + given)
                || surname == 1 && given == 1 && NameCues.titleWord(s, start, g + 1) // 孙子, 岳父
                || surname == 1 && placeSuffix(s, start)
                || PLACE_SUFFIXES.indexOf(s.charAt(g)) >= 0
                || s.charAt(g) == '记' // 卢记面馆: a shop
                || Chars.digit(at(s, start - 1)) // 21时许
                || NameCues.roleAt(s, g)
                || NameCues.kinAt(s, g) // 熊孩子, 宋外婆
                || NameLookalikes.organisationAt(s, g)
                || surname == 1
                        && lexicon().place(s, start, start + 2)
                        && !(given == 2 && NameLikelihood.speaker(s, start))
                || lexicon().place(s, start, g + given)) {
            return false;
        }
        if (given == 1 && NUMERALS.indexOf(s.charAt(g)) >= 0 && CLASSIFIERS.indexOf(at(s, g + 1)) >= 0) {
            return false;
        }
        if (NUMERALS.indexOf(s.charAt(g)) >= 0 && NUMERAL_UNITS.indexOf(at(s, g + 1)) >= 0) {
            return false; // a numeral and its unit: 课时费一万二, 付一百元
        }
        if (given == 2
                && NUMERALS.indexOf(s.charAt(g + 1)) >= 0
                && (NUMERAL_UNITS.indexOf(at(s, g + 2)) >= 0 || CLASSIFIERS.indexOf(at(s, g + 2)) >= 0)) {
            return false; // ... after a one-character given name: 庹玲【三十】年, 苗壮【三位】业主
        }
        if (given == 2
                && at(s, g + 2) == '了'
                && lexicon().verb(s.charAt(g + 1))
                && lexicon().givenLast(s.charAt(g + 1)) < NameLikelihood.RARE_LAST) {
            return false; // a verb and the perfective after a one-character given name: 魏杰【开了】
        }
        if (end4Word(s, start, g + given)) {
            return false; // the span opens a longer dictionary word: 公共厕所
        }
        if (at(s, g + given) == '的'
                && at(s, g + given + 1) == s.charAt(start)
                && lexicon().word(s, start, g + given)) {
            return false; // a word that spells out its first character: 丘陵的丘, 江河的江 (not 钱志国的钱包)
        }
        if (surname == 1 && POSSESSIVES.indexOf(at(s, start - 1)) >= 0 && NameCues.titleWord(s, start, g + 1)) {
            return false; // someone's kin, then the child's given name alone: 韩叔的【孙子】雨萱
        }
        if (surname == 1 && prepositionBeforeTime(s, start)) {
            return false; // a preposition before a time: 于本周内, 于周内, 于次日
        }
        if (surname == 1 && s.charAt(start) == DEMONSTRATIVE && lexicon().quantity(s.charAt(g))) {
            return false; // the demonstrative and a classifier: 那双, 那位; not 那日苏
        }
        if (s.charAt(g) == '一' && surname == 1 && at(s, g + 1) == s.charAt(start)) {
            return false; // a verb said twice: 查一查, 管一管
        }
        if (surname == 1 && at(s, start - 1) == s.charAt(start) && lexicon().verb(s.charAt(start))) {
            return false; // a verb doubled: 查查卫龙的会员卡, 管管
        }
        if (given == 1
                && at(s, g + 1) == '了'
                && at(s, g + 2) != '解'
                && lexicon().verb(s.charAt(g))) {
            return false; // the perfective after a verb: 全占了, 都拆了; but 李达了解
        }
        if (given == 2
                && lexicon().preposition(s.charAt(g + 1))
                && lexicon().givenLast(s.charAt(g + 1)) < NameLikelihood.RARE_LAST
                && (han(at(s, g + 2)) || Chars.digit(at(s, g + 2)))) {
            return false; // a preposition seldom last in given names after a two-character name: 潘茜【向】民警出示
        }
        if (FIRST_ONLY.indexOf(at(s, g + given - 1)) >= 0) {
            return false; // 王和平, but 张伟和王芳
        }
        if (NameLikelihood.NOT_LAST.indexOf(s.charAt(g)) >= 0) {
            // 罗家, 诸葛家三代: the family; 丁家豪: a name
            return given == 2 && lexicon().givenLast(s.charAt(g + 1)) >= 100;
        }
        return true;
    }

    /** The surname character at {@code start} is a preposition before a time: 于本周内, 于周内, 于下月, 于明年. */
    static boolean prepositionBeforeTime(String s, int start) {
        return (TIME_STARTS.indexOf(at(s, start + 1)) >= 0
                        || startsWithAny(s, start + 1, COMING_TIMES)
                        || NUMERALS.indexOf(at(s, start + 1)) >= 0 && TIME_UNITS.indexOf(at(s, start + 2)) >= 0)
                && lexicon().preposition(s.charAt(start));
    }

    /** After a numeral these make a duration: 于一周内, 于三日内, 于两个月内. */
    private static final String TIME_UNITS = "周日天年月个";

    /** Times that open with 明 or 后, and holidays: after a preposition they are no given name (将于明年开工, 于国庆期间). */
    private static final String[] COMING_TIMES = {
        "明年", "明天", "明日", "明早", "明晚", "明春", "明后", "后天", "后年", "国庆", "春节", "元旦", "中秋", "端午", "清明", "五一"
    };

    /** The core dictionary knows the word as a person's name among its senses (高峰, 程序). */
    static boolean personWord(String word) {
        var attribute = com.hankcs.hanlp.dictionary.CoreDictionary.get(word);
        if (attribute != null) {
            for (var nature : attribute.nature) {
                if (nature.startsWith("nr")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, int at, String[] words) {
        for (var w : words) {
            if (s.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }
}
