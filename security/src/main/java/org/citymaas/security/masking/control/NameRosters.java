package org.citymaas.security.masking.control;

/**
 * Names in a roster: the items of a list whose heading says it lists people ({@code 参会人员：方正、石磊、高峰},
 * {@code 志愿者排班：周一阙丽，周二桓东}, {@code 获奖名单：一等奖关爱，二等奖宁悦然}). There an item that opens with a
 * surname and fills the slot between two separators is a name, even one made of everyday words (高峰, 关爱, 程序)
 * that no dictionary would call a name. A slot may open with a day, a shift, a prize or a post ({@code 周二},
 * {@code 上午}, {@code 一等奖}, {@code 组长}); it ends at a separator, a bracket or the end of the text.
 */
final class NameRosters {

    /** Headings of lists of people, before the colon that opens the list (within {@link #HEADING} characters). */
    private static final String[] HEADINGS = {
        "名单", "签到", "排班", "值日", "值班", "参会人员", "与会人员", "参加人员", "出席", "列席", "缺席", "成员", "获奖", "表彰", "公示", "拟推荐", "拟录用",
        "拟发展", "候选人", "先进个人", "班委", "组员", "名册", "参会", "联名", "涉及人员"
    };

    /** Openings of a slot before the name: days, shifts, prizes, posts. */
    private static final String[] SLOT_OPENINGS = {
        "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "上午组", "下午组", "上午", "下午", "晚上", "早班", "中班", "晚班", "夜班", "白班",
        "一等奖", "二等奖", "三等奖", "特等奖", "优秀奖", "副组长", "组长", "成员", "班长", "副班长", "学习委员", "体育委员", "文艺委员", "劳动委员", "宣传委员",
        "生活委员", "负责人", "机动", "记录", "主持", "出席", "列席", "缺席"
    };

    /** Last characters of an office or a unit listed where people are (列席：司法所、派出所). */
    private static final String INSTITUTION_ENDS = "所局办站院队委处科室厂部";

    /** What ends a slot. */
    private static final String SEPARATORS = "、，,；;。 　（(：:\n/／";

    /** How far before the colon a heading may start. */
    private static final int HEADING = 14;

    /** How far back the colon that opens the list may be. */
    private static final int LIST = 80;

    private NameRosters() {}

    /** The end of the name that fills a roster's slot at {@code start}, or -1. */
    static int item(String s, int start, int surname) {
        int sender = sender(s, start, surname);
        if (sender > 0) {
            return sender;
        }
        if (!slotStart(s, start)) {
            return -1;
        }
        int end = start + surname;
        while (end < s.length() && Chars.han(s.charAt(end)) && SEPARATORS.indexOf(s.charAt(end)) < 0) {
            end++;
        }
        int given = end - start - surname;
        if (given < 1 || given > 2 || end < s.length() && SEPARATORS.indexOf(s.charAt(end)) < 0) {
            return -1;
        }
        // a surname and a title or 某 (卢师傅, 徐某某) is no name; neither a place nor a title alone
        if (NameCues.title(s, start + surname)
                || NameCues.roleAt(s, start + surname)
                || NameCues.titleEndingAt(s, end)
                || pseudonym(s, start, end)
                || NameLookalikes.around(s, start, end)
                || NameCues.titleWord(s, start, end)
                || opening(s, start, end) // 值班表：周六、周日: a day, not a name
                || INSTITUTION_ENDS.indexOf(s.charAt(end - 1)) >= 0) { // 列席：司法所、派出所
            return -1;
        }
        return heading(s, start) ? end : -1;
    }

    /**
     * The end of a group chat's sender at {@code start}: right after the group's bracketed name, before the colon that
     * opens the message ({@code 【阳光花园业主群】程序：各位邻居好}), a surname and one or two given characters; or -1.
     */
    static int sender(String s, int start, int surname) {
        if (Chars.at(s, start - 1) != '】') {
            return -1;
        }
        for (int given = 1; given <= 2; given++) {
            int end = start + surname + given;
            char after = Chars.at(s, end);
            if (end <= s.length()
                    && (after == '：' || after == ':')
                    && Chars.han(s.charAt(end - 1))
                    && !NameCues.title(s, start + surname)
                    && !NameCues.roleAt(s, start + surname)
                    && !pseudonym(s, start, end)
                    && !NameCues.titleWord(s, start, end)) {
                return end;
            }
        }
        return -1;
    }

    /** {@code s[start, end)} holds 某: 徐某, 公孙某某 stand for a name and are none. */
    private static boolean pseudonym(String s, int start, int end) {
        int at = s.indexOf('某', start);
        return at >= 0 && at < end;
    }

    /** A separator, a colon or a slot's opening right before {@code start}. */
    private static boolean slotStart(String s, int start) {
        if (start == 0) {
            return false;
        }
        if (SEPARATORS.indexOf(s.charAt(start - 1)) >= 0) {
            return true;
        }
        for (var opening : SLOT_OPENINGS) {
            int from = start - opening.length();
            if (from >= 0
                    && s.startsWith(opening, from)
                    && (from == 0 || SEPARATORS.indexOf(s.charAt(from - 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest colon before {@code start} in the same sentence closes a heading of a list of people. */
    private static boolean heading(String s, int start) {
        for (int i = start - 1; i >= 0 && start - i <= LIST; i--) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n') {
                return false;
            }
            if (c == '：' || c == ':') {
                int from = Math.max(0, i - HEADING);
                var before = s.substring(from, i);
                for (var h : HEADINGS) {
                    if (before.contains(h)) {
                        return true;
                    }
                }
                // 会议纪要：出席：金志明 — the colon of a slot's opening; look on to the heading's
                if (!endsWithOpening(s, i)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** {@code s[start, end)} is a slot's opening itself (周六, 组长). */
    private static boolean opening(String s, int start, int end) {
        for (var opening : SLOT_OPENINGS) {
            if (opening.length() == end - start && s.startsWith(opening, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithOpening(String s, int colon) {
        for (var opening : SLOT_OPENINGS) {
            if (colon >= opening.length() && s.startsWith(opening, colon - opening.length())) {
                return true;
            }
        }
        return false;
    }
}
