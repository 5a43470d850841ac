package org.citymaas.security.masking.control;

/**
 * What the cue words around a surname say ({@link NameCues}): a role before it ({@code 投诉人}, {@code 我叫},
 * {@code 姓名：}) or a title after its given name ({@code 先生}, {@code 同志}) marks a name and, with the evidence of
 * {@link NameLikelihood}, where it ends; a surname with a title of its own ({@code 王先生}), a title that belongs to the
 * next surname ({@code 回访时汪所长}), a profession before a title ({@code 麻醉医生}) or a speaker's label
 * ({@code 市民：}) marks none. Split from {@link PersonNameRecognizer}, which asks it first.
 */
final class NameCueReading {

    /** No cue speaks at the surname: the evidence decides. */
    static final int NOT_CUED = -2;

    /** A word before a title counted this often is a department or a profession (麻醉, 党委), not a name. */
    private static final int PROFESSION_WORD = 100;
    /** After a place these make it a city, a county or a district (温州市), never a given name. */
    private static final String ADMINISTRATIVE_UNITS = "省市县区州镇乡";
    /** After a role, most names have two given characters: the longer reading wins unless this much less likely. */
    private static final double ROLE_THREE_CHARACTERS = 1.0;

    private final NameLikelihood likelihood;

    NameCueReading(NameLikelihood likelihood) {
        this.likelihood = likelihood;
    }

    /** The end of the name a cue word marks at {@code start}, -1 for a cue that marks none, or {@link #NOT_CUED}. */
    int end(String s, int start, int surname) {
        int g = start + surname;
        if (NameCues.title(s, g) || NameLikelihood.formOfAddress(s, start, surname)) {
            return -1; // a surname and a title (王先生) or a form of address (王工, 韩董) is no name
        }
        // after a speaker's label (市民：) a name is cued only where it fills the line alone (市民：张伟。)
        // (or fills a field, where it is no everyday word: 走失人员：白露，78岁; not 市民：谢谢，夏季雨水多)
        boolean role = NameCues.role(s, start)
                && (!NameCues.speakerLabel(s, start)
                        || fillsLine(s, start)
                        || field(s, start) && !(surname == 1 && NameLookalikes.everydayWord(s, start)));
        if (!role && !NameCues.titleNear(s, g)) {
            return NOT_CUED;
        }
        if (surname == 1
                && NameLookalikes.everydayWord(s, start)
                && !(role && (field(s, start) || named(s, start) || NameLikelihood.reportsFirst(s, start, g + 1)))) {
            return -1; // but an everyday word alone in a form's field or after 我叫 is a name: 联系人：向前；我叫雷雨，
        }
        if (role
                && surname == 1
                && (everydayVerb(s, start)
                        || NameCues.endingRole(s, start) && verbFirst(s, start) && !NameCues.reportingAt(s, start + 2)
                        || (NameCues.endingRole(s, start)
                                        || verbFirst(s, start) && !NameLikelihood.commonGivenName(s, start + 1))
                                && verbWord(s, start)
                                && !NameCues.reportingAt(s, start + 2) // 来电人关怀称: a speaker
                        || NameCues.endingRole(s, start) && anyWord(s, start))
                && !field(s, start)
                && !named(s, start)
                && !NameLikelihood.reportsFirst(s, start, g + 1)) {
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
                                                && !PersonNameRecognizer.everydayWord(s, start, g + given)
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

    /** The surname and the next character make a dictionary word never a given name and no noun (包揽, 应收, 查房). */
    private static boolean verbWord(String s, int start) {
        var lexicon = NameLexicon.instance();
        return lexicon.word(s, start, start + 2)
                && lexicon.wordGivenName(s, start, start + 2) == 0
                && !lexicon.noun(s, start, start + 2);
    }

    /**
     * The surname and the next character make a word first of all a verb (查房, 包揽); the caller asks that no common
     * given name follows the surname (林立新, 严守仁 stay names).
     */
    private static boolean verbFirst(String s, int start) {
        return NameLexicon.instance().verb(s, start, start + 2);
    }

    /**
     * After a weak role ({@link NameCues#endingRole}): the surname opens a three-character dictionary word whose last two
     * were never a given name (31床白细胞偏低). Two-character words stay names there (评估员安康, 护理员甘雨).
     */
    private static boolean anyWord(String s, int start) {
        var lexicon = NameLexicon.instance();
        return lexicon.word(s, start, start + 3) && lexicon.wordGivenName(s, start + 1, start + 3) == 0;
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

    /** Two to four Han characters from {@code start} fill the sentence alone (市民：张伟。; not 市民：谢谢，夏季雨水多). */
    private static boolean fillsLine(String s, int start) {
        int end = start;
        while (end < s.length() && end - start <= 4 && Chars.han(s.charAt(end))) {
            end++;
        }
        return end - start >= 2 && end - start <= 4 && (end == s.length() || "。！？!?\n".indexOf(s.charAt(end)) >= 0);
    }

    /** The two characters at {@code start} follow 叫 or 名 (我叫雷雨，名叫江河): a name is being told, no Han character after. */
    private static boolean named(String s, int start) {
        char before = Chars.at(s, start - 1);
        return (before == '叫' || before == '名') && !Chars.han(Chars.at(s, start + 2));
    }

    /** The two characters at {@code start} fill a form's field: a colon before them, no Han character after. */
    private static boolean field(String s, int start) {
        char before = Chars.at(s, start - 1);
        return (before == '：' || before == ':' || before == '@') && !Chars.han(Chars.at(s, start + 2));
    }
}
