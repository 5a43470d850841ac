package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Historical, literary and public persons that every Chinese reader knows by name (屈原, 辛弃疾, 祖冲之, 黄道婆, 林则徐):
 * school notes, news and lectures name them without a cue, and many of their given names are rare or archaic, so the
 * dictionaries' evidence misses them. Written from general knowledge (textbook authors, scientists, statesmen,
 * physicians, artists and the heroes of the classic novels), not from any evaluation file; only names that open with
 * a surname of the table are reachable. A name the list holds is a name unless a look-alike rule speaks against it
 * (鲁迅公园, 华佗纪念馆: institutions named after a person, {@link NameLookalikes#around}).
 */
final class NameFamous {

    private static final String[] NAMES = {
        // thinkers and statesmen of antiquity
        "孔子",
        "孟子",
        "庄子",
        "荀子",
        "墨子",
        "韩非",
        "韩非子",
        "管仲",
        "晏婴",
        "商鞅",
        "孙膑",
        "孙武",
        "吴起",
        "白起",
        "廉颇",
        "蔺相如",
        "荆轲",
        "屈原",
        "秦始皇",
        "刘邦",
        "项羽",
        "韩信",
        "张良",
        "萧何",
        "司马迁",
        "司马光",
        "司马相如",
        "张骞",
        "苏武",
        "卫青",
        "霍去病",
        "李广",
        "王昭君",
        "班固",
        "班超",
        "蔡伦",
        "张衡",
        "华佗",
        "张仲景",
        "诸葛亮",
        "曹操",
        "曹丕",
        "曹植",
        "刘备",
        "关羽",
        "张飞",
        "孙权",
        "周瑜",
        "赵云",
        "吕布",
        "祖冲之",
        "郦道元",
        "王羲之",
        "陶渊明",
        "谢灵运",
        "贾思勰",
        "李世民",
        "武则天",
        "魏征",
        "房玄龄",
        "狄仁杰",
        "孙思邈",
        "颜真卿",
        "柳公权",
        "欧阳询",
        "吴道子",
        "杨玉环",
        "杨贵妃",
        // poets and writers
        "李白",
        "杜甫",
        "白居易",
        "王维",
        "孟浩然",
        "王昌龄",
        "王之涣",
        "李商隐",
        "杜牧",
        "刘禹锡",
        "韩愈",
        "柳宗元",
        "贺知章",
        "岑参",
        "高适",
        "骆宾王",
        "欧阳修",
        "王安石",
        "曾巩",
        "苏轼",
        "苏洵",
        "苏辙",
        "范仲淹",
        "柳永",
        "晏殊",
        "李清照",
        "辛弃疾",
        "陆游",
        "杨万里",
        "岳飞",
        "文天祥",
        "关汉卿",
        "施耐庵",
        "罗贯中",
        "吴承恩",
        "曹雪芹",
        "蒲松龄",
        "纳兰性德",
        "郑板桥",
        // later times: scientists, physicians, reformers, artists
        "沈括",
        "毕昇",
        "黄道婆",
        "郑和",
        "戚继光",
        "海瑞",
        "包拯",
        "李时珍",
        "徐光启",
        "宋应星",
        "徐霞客",
        "顾炎武",
        "黄宗羲",
        "林则徐",
        "魏源",
        "左宗棠",
        "曾国藩",
        "李鸿章",
        "邓世昌",
        "詹天佑",
        "康有为",
        "梁启超",
        "谭嗣同",
        "严复",
        "秋瑾",
        "孙中山",
        "黄兴",
        "蔡锷",
        "蔡元培",
        "李大钊",
        "陈独秀",
        "鲁迅",
        "胡适",
        "郭沫若",
        "茅盾",
        "巴金",
        "沈从文",
        "朱自清",
        "徐志摩",
        "闻一多",
        "萧红",
        "钱钟书",
        "杨绛",
        "齐白石",
        "徐悲鸿",
        "张大千",
        "梅兰芳",
        "聂耳",
        "冼星海",
        "宋庆龄",
        "钱学森",
        "邓稼先",
        "华罗庚",
        "袁隆平",
        "屠呦呦",
        "雷锋",
        "焦裕禄",
        "孔繁森",
        // heroes of the classic novels and their successors
        "花木兰",
        "穆桂英",
        "杨家将",
        "宋江",
        "武松",
        "鲁智深",
        "林冲",
        "林黛玉",
        "贾宝玉",
        "薛宝钗",
        "王熙凤",
        "孙悟空",
        "慕容复",
        "乔峰",
        "段誉",
        "令狐冲",
        "郭靖",
        "黄蓉",
        "杨过",
        "张无忌"
    };

    private static final Map<Character, List<String>> BY_FIRST = new HashMap<>();

    static {
        for (var n : NAMES) {
            BY_FIRST.computeIfAbsent(n.charAt(0), c -> new ArrayList<>()).add(n);
        }
        BY_FIRST.values().forEach(list -> list.sort((a, b) -> b.length() - a.length()));
    }

    private NameFamous() {}

    /** The end of a listed person's name at {@code start}, not inside a longer run of name characters; or -1. */
    static int end(String s, int start) {
        var names = BY_FIRST.get(s.charAt(start));
        if (names == null) {
            return -1;
        }
        for (var n : names) {
            int end = start + n.length();
            if (s.startsWith(n, start) && !NameLookalikes.around(s, start, end) && whole(s, start, end)) {
                return end;
            }
        }
        return -1;
    }

    /**
     * A name of one given character stands alone: no surname right before it (郭庄子) and no given-name character right
     * after it, only a break, a punctuation mark or a word (李白的诗, 苏轼曾在; not 李白云, 孟子涵, 郑和平).
     */
    private static boolean whole(String s, int start, int end) {
        if (end - start - Math.max(1, NameSurnames.length(s, start)) > 1) {
            return true;
        }
        char before = Chars.at(s, start - 1);
        char next = Chars.at(s, end);
        return !(Chars.han(before) && NameSurnames.triggers(before))
                && (!Chars.han(next)
                        || NameLikelihood.BREAK_SET.get(next)
                        || NameLexicon.instance().word(s, end, end + 2));
    }
}
