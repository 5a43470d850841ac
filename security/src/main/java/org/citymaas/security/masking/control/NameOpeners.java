package org.citymaas.security.masking.control;

/**
 * A sentence (or what follows a heading's colon: {@code 接警记录：}, {@code 01-0123：}) that opens with a name and a verb only a person does ({@code 邓宇城反映公交站台…}, {@code 马路遥说…},
 * {@code 高峰说早上那趟公交…}): the opener is the speaker, whatever the dictionaries say of its characters, unless the
 * span is itself a dictionary word that is never a person's name (黎明, 季节, 商户) or a role (司机反映).
 */
final class NameOpeners {

    private NameOpeners() {}

    /** The end of the name that opens the sentence at {@code start} before a verb of reporting, or -1. */
    static int opener(String s, int start, int surname) {
        char before = Chars.at(s, start - 1);
        if (start > 0 && "。！？\n：:".indexOf(before) < 0) {
            return -1;
        }
        if (NameCues.roleAt(s, start)) {
            return -1;
        }
        for (int given = 2; given >= 1; given--) {
            int end = start + surname + given;
            if (end <= s.length()
                    && NameLikelihood.givenName(s, start + surname, given)
                    && NameCues.personReportingAt(s, end)
                    && !(given == 2 && (NameCues.reportingAt(s, end - 1) || "报所".indexOf(Chars.at(s, end - 1)) >= 0))
                    && s.indexOf('某', start) != start + surname // 王某, 王某某 stand for a name
                    && !NameLikelihood.formOfAddress(s, start, surname) // 王工, 赵总, 冯姐
                    && !NameCues.roleAt(s, start + surname) // 钱会计
                    && !NameCues.kinAt(s, start + surname)
                    && !NameCues.title(s, start + surname)
                    && !NameCues.titleWord(s, start, end)
                    && !NameLookalikes.around(s, start, end)
                    && (!NameLexicon.instance().word(s, start, end) || NameSpans.personWord(s.substring(start, end)))) {
                return end;
            }
        }
        return -1;
    }
}
