package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Names that do not follow the surname and given-name pattern of {@link PersonNameRecognizer}: names of China's
 * Tibetan, Uyghur, Mongolian and Kazakh citizens written in Han characters (扎西顿珠, 阿依古丽, 乌兰其其格, 努尔兰), and
 * foreign names transliterated with a middle dot between their parts (买买提·艾力, 约翰·史密斯, 玛丽亚·伊万诺娃).
 *
 * <p>Two readings, the longer wins. <b>Name elements:</b> two or more of the common elements of such names in a row
 * (扎西 + 顿珠, 阿依 + 古丽, 苏和 + 巴特尔), a dot between them allowed, or one element of three characters or more
 * (努尔兰, 那日苏); an element of two characters alone is no name, for many are also words or parts of words (格桑花,
 * 尼玛, 古丽). <b>A dotted transliteration:</b> two to six characters of the
 * transliteration alphabet (the characters the standard transliteration tables use for foreign sounds), a middle
 * dot, two to six more, and so on; the run must start where the transliteration starts (the character before is none
 * of that alphabet), so that 和约翰·史密斯 gives 约翰·史密斯, and it ends before a last sound that makes a word with what
 * follows (玛丽亚·伊万诺娃威胁).
 */
public final class MinorityNameRecognizer implements Recognizer {

    /** The middle dots people type between the parts of a transliterated name. */
    private static final String DOTS = "·•・‧";

    /** Sounds that end transliterated surnames (彼得罗夫, 伊万诺娃, 斯基, 维奇): kept even before a word (夫家). */
    private static final String ENDINGS = "夫娃基奇斯尔";

    private static final int MIN_PART = 2;
    private static final int MAX_PART = 6;
    private static final int MAX_PARTS = 4;

    /** Common elements of Tibetan, Uyghur, Mongolian and Kazakh names as written in Han characters. */
    private static final String[] ELEMENTS = {
        // Tibetan
        "扎西",
        "次仁",
        "卓玛",
        "格桑",
        "梅朵",
        "德吉",
        "央宗",
        "达瓦",
        "顿珠",
        "旺姆",
        "拉姆",
        "多吉",
        "平措",
        "尼玛",
        "索朗",
        "普布",
        "央金",
        "白玛",
        "洛桑",
        "丹增",
        "强巴",
        "罗布",
        "边巴",
        "巴桑",
        "次旦",
        "旦增",
        "曲珍",
        "仁增",
        "群培",
        "益西",
        "拉巴",
        "琼达",
        "德央",
        "卓嘎",
        "措姆",
        "贡布",
        "桑珠",
        "米玛",
        "阿旺",
        "才让",
        "才旦",
        "拉毛",
        "东智",
        "更登",
        "仁青",
        "嘉措",
        "加措",
        "坚赞",
        "土登",
        "晋美",
        "次珍",
        "桑吉",
        "贡嘎",
        "泽仁",
        "泽旺",
        "斯朗",
        "仓决",
        "央拉",
        "玉珍",
        "曲尼",
        "旺堆",
        "朗杰",
        "尼珍",
        "次央",
        "拉珍",
        "巴珠",
        // Uyghur and Kazakh
        "阿依",
        "古丽",
        "帕提",
        "迪丽",
        "热依",
        "买买提",
        "艾力",
        "阿卜杜",
        "阿卜杜拉",
        "努尔",
        "热合曼",
        "吐尔逊",
        "艾尔肯",
        "阿不都",
        "阿布都",
        "依明",
        "艾买提",
        "麦麦提",
        "艾合买提",
        "吾斯曼",
        "玉苏甫",
        "亚森",
        "阿里木",
        "伊力哈木",
        "阿迪力",
        "艾尼",
        "努尔兰",
        "娜扎",
        "娜尔",
        "玛依拉",
        "热娜",
        "阿娜尔",
        "帕丽",
        "卡德尔",
        "沙吾提",
        "阿力木",
        "阿布力孜",
        "祖丽",
        "再努尔",
        "叶尔兰",
        "别克",
        "阿依达娜",
        "加娜尔",
        "木拉提",
        "热孜",
        "克力木",
        "吐逊",
        "依力",
        "托合提",
        "排孜",
        "米娜",
        // Uyghur and Kazakh, more (issue 9's ninth round)
        "米日",
        "米拉",
        "菲热",
        "热依拉",
        "帕丽旦",
        "阿丽娅",
        "赛力克",
        "托乎提",
        "热依木",
        "艾丽",
        // Yi: the clan names that open a name and common given elements (吉克阿依, 阿果拉哈, 曲比阿果)
        "吉克",
        "阿果",
        "曲比",
        "沙马",
        "阿苏",
        "吉木",
        "俄木",
        "拉哈",
        "阿呷",
        "日火",
        // Mongolian
        "乌兰",
        "其其格",
        "斯琴",
        "高娃",
        "巴特尔",
        "苏和",
        "娜仁",
        "图雅",
        "托娅",
        "呼和",
        "额尔敦",
        "宝力德",
        "敖其尔",
        "朝鲁",
        "其木格",
        "萨仁",
        "格日勒",
        "吉日嘎拉",
        "孟和",
        "那日苏",
        "乌日娜",
        "阿拉坦",
        "巴图",
        "桑布",
        "达来",
        "满都拉",
        "宝音",
        "毕力格",
        "哈斯",
        "额尔德尼",
        "乌力吉",
        "阿木尔",
        "特木尔",
        "孟克",
        "格根",
        "塔娜",
        "其勒木格",
        "查干",
        "巴雅尔",
        "那顺",
        "乌云",
        "敖登",
    };

    /** The characters of the standard transliteration tables for foreign names (the Xinhua tables and common variants). */
    private static final String TRANSLITERATION = "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕边宾波伯博布查达戴丹德迪蒂丁东杜多厄恩尔法"
            + "范菲费芬丰佛弗福富盖甘高戈格根古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒雷里利莉列林琳"
            + "隆卢鲁路伦罗洛马玛迈麦曼芒梅蒙米密明莫默姆穆娜纳奈南内尼妮宁纽努诺欧帕潘佩彭皮珀普奇齐恰乔琴丘萨塞桑瑟森沙莎"
            + "尚绍舍施史斯松苏索塔泰坦汤唐特提廷托瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤于约泽扎詹兹佐娃琪丝黛娅茨夫"
            + "基奇烈得翰密白丽汀蕾妮娜莉伦斐撒缇露薇翠璐梦琼芙黎琦卓次仁措吉旺央朵珠玉巴图日乌其勒孜买提力曼热依木逊赛旦吐乎不合都吾卜则江";

    private static final BitSet LETTERS = new BitSet(65536);
    private static final BitSet TRIGGERS = new BitSet(65536);
    private static final Map<Character, List<String>> ELEMENTS_BY_FIRST = new HashMap<>();

    static {
        TRANSLITERATION.chars().forEach(LETTERS::set);
        TRANSLITERATION.chars().forEach(TRIGGERS::set);
        for (var e : ELEMENTS) {
            TRIGGERS.set(e.charAt(0));
            ELEMENTS_BY_FIRST
                    .computeIfAbsent(e.charAt(0), c -> new ArrayList<>())
                    .add(e);
        }
        // the longest element first, so that a greedy reading takes 阿卜杜拉 before 阿卜杜
        ELEMENTS_BY_FIRST.values().forEach(list -> list.sort((a, b) -> b.length() - a.length()));
    }

    @Override
    public PiiType type() {
        return PiiType.PERSON_NAME;
    }

    @Override
    public boolean triggeredBy(char c) {
        return TRIGGERS.get(c);
    }

    @Override
    public int match(String s, int start) {
        return Math.max(elements(s, start), dotted(s, start));
    }

    /**
     * Two or more name elements in a row from {@code start}, a dot between them allowed, or one of three characters
     * or more (努尔兰, 巴特尔, 阿卜杜拉: names of their own, no Chinese words); or -1.
     */
    static int elements(String s, int start) {
        int at = start;
        int count = 0;
        while (true) {
            int end = element(s, at);
            if (end < 0) {
                break;
            }
            count++;
            at = end;
            if (DOTS.indexOf(Chars.at(s, at)) >= 0 && element(s, at + 1) > 0) {
                at++;
            }
        }
        return count >= 2 || count == 1 && at - start >= 3 ? at : -1;
    }

    private static int element(String s, int at) {
        var candidates = ELEMENTS_BY_FIRST.get(Chars.at(s, at));
        if (candidates != null) {
            for (var e : candidates) {
                if (s.startsWith(e, at)) {
                    return at + e.length();
                }
            }
        }
        return -1;
    }

    /** The two Han characters before {@code end} make a dictionary word (丈夫, 工夫). */
    private static boolean wordEndsAt(String s, int end) {
        return end >= 2
                && Chars.han(s.charAt(end - 2))
                && NameLexicon.instance().word(s, end - 2, end);
    }

    /** Parts of the transliteration alphabet joined by middle dots, from the start of the run; or -1. */
    static int dotted(String s, int start) {
        if (LETTERS.get(Chars.at(s, start - 1)) && !wordEndsAt(s, start) || wordEndsAt(s, start + 1)) {
            return -1; // inside a run; but after a word that ends in a letter (丈夫【买合木提·吐尔逊】) the run starts anew
        }
        int at = start;
        int parts = 0;
        while (parts < MAX_PARTS) {
            int end = at;
            while (end < s.length() && end - at < MAX_PART && LETTERS.get(s.charAt(end))) {
                end++;
            }
            if (end - at < MIN_PART || LETTERS.get(Chars.at(s, end)) && end - at == MAX_PART) {
                break;
            }
            parts++;
            boolean last = DOTS.indexOf(Chars.at(s, end)) < 0 || !LETTERS.get(Chars.at(s, end + 1));
            if (last
                    && parts > 1
                    && end - at > MIN_PART
                    && ENDINGS.indexOf(s.charAt(end - 1)) < 0
                    && NameLexicon.instance().word(s, end - 1, end + 1)) {
                end--; // the last sound and what follows make a word: 伊万诺娃【威胁】
            }
            at = end;
            if (last) {
                break;
            }
            at++;
        }
        return parts >= 2 && DOTS.indexOf(Chars.at(s, at - 1)) < 0 ? at : -1;
    }
}
