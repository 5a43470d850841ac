package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The words that say a person is meant: a role before a name ({@code 来电人}、{@code 联系人}、
 * {@code 患者}、{@code 姓名：}、{@code 我叫}) or a title after it ({@code 先生}、{@code 女士}、
 * {@code 同学}). They are rare in ordinary prose, so a cue is strong evidence on its own; without
 * one the recognizer asks the dictionaries ({@link NameLikelihood}).
 */
final class NameCues {

    /**
     * Roles before a name; besides the callers, patients and kin, people by their part in a case, a
     * household or a neighbourhood (房东盛杏芳, 校友琚书涵, 社区工作者庄雨晴).
     */
    private static final String[] ROLES = {
        "来电人",
        "联系人",
        "投诉人",
        "举报人",
        "反映人",
        "申请人",
        "当事人",
        "报案人",
        "报警人",
        "经办人",
        "负责人",
        "收件人",
        "寄件人",
        "收货人",
        "代理人",
        "监护人",
        "承租人",
        "出租人",
        "户主",
        "业主",
        "患者",
        "病人",
        "家属",
        "市民",
        "居民",
        "群众",
        "学生",
        "乘客",
        "司机",
        "租户",
        "用户",
        "客户",
        "姓名",
        "名字",
        "我叫",
        "名叫",
        "叫做",
        "本人",
        "母亲",
        "父亲",
        "儿子",
        "女儿",
        "丈夫",
        "妻子",
        "老伴",
        "邻居",
        "承办人",
        "受理人",
        "办理人",
        "签收人",
        "委托人",
        "被申请人",
        "嫌疑人",
        "被害人",
        "受害人",
        "证人",
        "驾驶人",
        "驾驶员",
        "房东",
        "房主",
        "租客",
        "车主",
        "店主",
        "摊主",
        "老乡",
        "校友",
        "同事",
        "网格员",
        "志愿者",
        "工作者",
        "工作人员",
        "社工",
        "保安",
        "调解员",
        "原告",
        "被告",
        "村民",
        "诉求人",
        "求助人",
        "书记员",
        "记录员",
        "陪护",
        "护工",
        "失主",
        "孕妇",
        "产妇",
        "楼长",
        "同桌",
        "据",
        "患儿",
        "上诉人",
        "执行人",
        "来信人",
        "来访人",
        "信访人",
        "保洁员",
        "财务",
        "会计",
        "出纳",
        "教师",
        "班主任",
        "人员",
        "伤者",
        "死者",
        "行为人",
        "询问人",
        "讯问人",
        "肇事者",
        "目击者",
        "接线员",
        "话务员",
        "快递员",
        "外卖员",
        "骑手",
        "保姆",
        "甲方",
        "乙方",
        "第三人",
        "代表人",
        "审判员",
        "审判长",
        "上访人",
        "登记人",
        "审批人",
        "核查人",
        "法人",
        "消防员",
        "长者",
        "行人",
        "其子",
        "其女",
        "长子",
        "次子",
        "长女",
        "次女",
        // issue 9's ninth round: people by their part in a visit, a hearing, a duty or a ward (主讲人, 被评估人, 校医, 坐席)
        "主讲人",
        "主持人",
        "被评估人",
        "拾得人",
        "被征收人",
        "校医",
        "教练",
        "技师",
        "医师",
        "坐席",
        "值日生",
        "值班领导",
        "带班领导",
        "河长",
        "宿舍长",
    };

    /**
     * Endings that make a word before them a role (评估员, 探访员, 矫正对象, 帮扶对象, 主治医生, 值班民警, 执行护士): a post
     * or a case's person.
     */
    private static final String[] ROLE_ENDINGS = {"员", "对象", "医生", "民警", "护士"};

    private static final String[] TITLES = {
        "先生", "女士", "小姐", "同学", "老师", "医生", "大夫", "护士", "师傅", "阿姨", "大爷", "大妈", "奶奶", "爷爷", "老人", "经理", "主任", "警官",
        "律师", "同志", "教授", "患者", "书记", "院长", "校长", "处长", "科长", "局长", "老板", "大姐", "大嫂", "大哥", "大叔", "大婶", "大伯", "大娘",
        "民警", "妈妈", "爸爸", "夫妇", "家属", "家长", "本人", "队长", "所长", "站长", "村长", "组长", "班长", "部长", "主席", "总监", "老总", "护士长"
    };
    /**
     * Kin: after a name they end it (李娜【孙女】), and one of them alone is no name (孙子, 岳父), but
     * they are no cue, for a kinsman is as often the object of a verb (按时接孩子, 带孙子).
     */
    private static final String[] KIN = {
        "孩子", "儿子", "女儿", "孙子", "孙女", "外孙", "儿媳", "女婿", "侄子", "侄女", "外甥", "舅舅", "舅妈", "姑姑", "姑妈", "姑父", "姨妈", "姨夫",
        "叔叔", "婶婶", "伯伯", "伯父", "伯母", "岳父", "岳母", "公公", "婆婆", "姐夫", "妹夫", "嫂子", "弟媳", "哥哥", "姐姐", "弟弟", "妹妹", "堂哥",
        "堂姐", "堂弟", "堂妹", "表哥", "表姐", "表弟", "表妹", "外公", "外婆", "老公", "老婆", "媳妇", "丈夫", "妻子", "父亲", "母亲", "父母", "家人"
    };

    private static final Set<String> TITLE_OR_KIN_WORDS = new HashSet<>();
    private static final BitSet KIN_FIRST = new BitSet(65536);
    /** Verbs of saying and asking that follow a name in reports: 张伟反映, 李娜称, 王强报警. */
    private static final String[] REPORTING = {
        "反映", "称", "说", "表示", "投诉", "举报", "报警", "报案", "来电", "咨询", "询问", "要求", "希望", "介绍", "讲述", "告诉", "认为", "建议", "问",
        "打来", "回电", "提出", "同意", "拒绝", "签字", "驾驶", "表扬", "请客", "今晚", "昨晚", "凌晨", "到了", "汇报", "通报", "写道", "牵头", "透露",
        "指出", "坦言", "承认", "回忆"
    };

    private static final BitSet TITLE_FIRST = new BitSet(65536);
    private static final BitSet TITLE_LAST = new BitSet(65536);
    private static final BitSet ROLE_LAST = new BitSet(65536);

    static {
        for (var t : TITLES) {
            TITLE_FIRST.set(t.charAt(0));
            TITLE_LAST.set(t.charAt(t.length() - 1));
        }
        for (var r : ROLES) {
            ROLE_LAST.set(r.charAt(r.length() - 1));
        }
        TITLE_OR_KIN_WORDS.addAll(Arrays.asList(TITLES));
        TITLE_OR_KIN_WORDS.addAll(Arrays.asList(KIN));
        for (var k : KIN) {
            KIN_FIRST.set(k.charAt(0));
        }
    }

    private NameCues() {}

    /** Digits, numerals and brackets that number a class before 班 or a grade (一（1）班, 三年级二班, 初二3班). */
    private static final String CLASS_NUMBERS = "）)0123456789一二三四五六七八九十";

    /** A class's number and 班 end right before {@code end} (一（1）班【荣语嫣】): a roll, as a bed number in a ward. */
    static boolean classNumber(String s, int end) {
        return at(s, end - 1) == '班' && CLASS_NUMBERS.indexOf(at(s, end - 2)) >= 0;
    }

    /** A title starting at {@code at}; 副 before one is its rank (拟任副主任: no 任副). */
    static boolean title(String s, int at) {
        if (at(s, at) == '副') {
            at++;
        }
        if (!TITLE_FIRST.get(at(s, at))) {
            return false;
        }
        for (var t : TITLES) {
            if (s.startsWith(t, at)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s[from, to)} is a title or a kinship word on its own (孙子, 岳父, 师傅): no surname and given name. */
    static boolean titleWord(String s, int from, int to) {
        char first = at(s, from);
        return to <= s.length()
                && (TITLE_FIRST.get(first) || KIN_FIRST.get(first))
                && TITLE_OR_KIN_WORDS.contains(s.substring(from, to));
    }

    /** A kinship word starts at {@code at}: what precedes it may be a name, it is no part of one. */
    static boolean kinAt(String s, int at) {
        if (!KIN_FIRST.get(at(s, at))) {
            return false;
        }
        for (var k : KIN) {
            if (s.startsWith(k, at)) {
                return true;
            }
        }
        return false;
    }

    /** A title of two or more characters ends at {@code end}: 师傅 in 魏师傅. */
    static boolean titleEndingAt(String s, int end) {
        if (!TITLE_LAST.get(at(s, end - 1))) {
            return false;
        }
        for (var t : TITLES) {
            if (t.length() > 1 && end >= t.length() && s.startsWith(t, end - t.length())) {
                return true;
            }
        }
        return false;
    }

    /** A role word starts at {@code at} (向学生, 向市民): what follows a surname character is no given name. */
    static boolean roleAt(String s, int at) {
        if (!ROLE_LAST.get(at(s, at + 1)) && !ROLE_LAST.get(at(s, at + 2))) {
            return false;
        }
        for (var r : ROLES) {
            if (s.startsWith(r, at)) {
                return true;
            }
        }
        return false;
    }

    /** Verbs that, right after the opening of a clause, have a person as their subject: 高兴反映, 凌晨称, 安全说, 万一来电. */
    private static final String[] FIRST_PERSON_REPORTING = {
        "反映", "称", "报案", "报警", "报称", "投诉", "举报", "咨询", "来电", "说", "提出", "汇报"
    };

    /** A verb that only a person does (反映, 报警) starts at {@code at}. */
    static boolean personReportingAt(String s, int at) {
        for (var r : FIRST_PERSON_REPORTING) {
            if (s.startsWith(r, at)) {
                return true;
            }
        }
        return false;
    }

    /** A verb of saying or asking starts at {@code at}. */
    static boolean reportingAt(String s, int at) {
        for (var r : REPORTING) {
            if (s.startsWith(r, at)) {
                return true;
            }
        }
        return false;
    }

    /** A title may start one or two characters after the surname that ends at {@code given}. */
    static boolean titleNear(String s, int given) {
        return TITLE_FIRST.get(at(s, given + 1)) || TITLE_FIRST.get(at(s, given + 2));
    }

    /**
     * A role word right before {@code start}, allowing colons, spaces, 是 or 为 in between; or a bed number, as
     * ward notes name patients (13床厍芳).
     */
    /**
     * Roles that, before a colon, say who speaks, not whose name follows: in a call transcript or a group chat
     * ({@code 市民：宁海路上的树根…}, {@code 业主：展台搭在…}) what follows the colon is their words.
     */
    private static final String[] SPEAKERS = {
        "市民", "居民", "业主", "群众", "村民", "家属", "家长", "班主任", "学生", "乘客", "司机", "租户", "用户", "客户", "网格员", "志愿者", "社工", "保安",
        "邻居", "同事", "老乡", "教师", "工作人员", "人员", "骑手", "接线员", "话务员"
    };

    /** A speaker's role and a colon right before {@code start} ({@code 市民：}): a transcript's line, not a form's field. */
    static boolean speakerLabel(String s, int start) {
        char colon = at(s, start - 1);
        if (colon != '：' && colon != ':') {
            return false;
        }
        for (var r : SPEAKERS) {
            if (start - 1 >= r.length() && s.startsWith(r, start - 1 - r.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The role before {@code start} is one only by its ending, a class's or a bed's number (评估员, 矫正对象, 一（1）班,
     * 31床): weaker than a listed role, so an everyday word after it is no name (队员包揽, 一班应收, 31床白细胞偏低).
     */
    static boolean endingRole(String s, int start) {
        int end = start;
        while (end > 0 && start - end < 3 && "：: 是为".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (classNumber(s, end) || at(s, end - 1) == '床' && Chars.digit(at(s, end - 2))) {
            return true;
        }
        for (var e : ROLE_ENDINGS) {
            if (end > e.length() && s.startsWith(e, end - e.length())) {
                return !listedRoleBefore(s, end);
            }
        }
        return false;
    }

    private static boolean listedRoleBefore(String s, int end) {
        for (var r : ROLES) {
            if (end >= r.length() && s.startsWith(r, end - r.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean role(String s, int start) {
        int end = start;
        while (end > 0 && start - end < 3 && "：: 是为".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (at(s, end - 1) == '床' && Chars.digit(at(s, end - 2)) || at(s, start - 1) == '@' || classNumber(s, end)) {
            return true; // a bed (13床厍芳), a chat mention (@夏日), a class (一（1）班荣语嫣)
        }
        for (var e : ROLE_ENDINGS) {
            if (end > e.length()
                    && s.startsWith(e, end - e.length())
                    && Chars.han(at(s, end - e.length() - 1))
                    && end == start) { // not before a colon: 赵民警：杨柳青苑… is who speaks
                return true;
            }
        }
        if (!ROLE_LAST.get(at(s, end - 1))) {
            return false;
        }
        for (var r : ROLES) {
            if (end >= r.length() && s.startsWith(r, end - r.length())) {
                return true;
            }
        }
        return false;
    }
}
