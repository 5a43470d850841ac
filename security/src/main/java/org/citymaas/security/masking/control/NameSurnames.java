package org.citymaas.security.masking.control;

import java.util.BitSet;

/**
 * The surnames a Chinese name may open with: single ones from the 百家姓 and today's common-surname
 * lists, the rare ones of {@link NameLexicon#RARE_SURNAMES}, and the compound ones (欧阳,
 * 诸葛, 司马 … and the rest of the 百家姓's). Answers with bitsets and a short list, so that the scanner's trigger test and the
 * surname at a position cost an array read or a few comparisons.
 */
final class NameSurnames {

    /**
     * Single surnames of the 百家姓 and of today's common-surname lists that the list below lacked:
     * those HanLP's core dictionary knows only as a name or not at all (湛 禹 宣 戎 浦 弘 琚 禤 殳),
     * those its person dictionary saw as surnames at least 100 times (洪 惠), and those the
     * development files use as surnames (凤 郁 燕 幸 贝 弓 蹇 闻 权 植). Characters that are first of
     * all part of everyday words stay out, surname or not (况 in 情况, 益 in 权益, 危, 劳, 籍, 区, 位, 支):
     * every one of them is a candidate to weigh in nearly every municipal sentence.
     */
    static final String MORE_SURNAMES = "湛禹宣戎韶雍浦茹衡弘殳夔亢郈禤琚雒郄洪惠凤郁燕幸贝弓蹇闻权植郤闾";

    /**
     * Single surnames of the 百家姓 that are also everyday characters: those HanLP's person dictionary
     * saw as a surname at least 10 times and its core dictionary counts fewer than 5,000 times as a
     * word of its own (乐 计 班 劳 满 居 利 相 …; not 元 经 都 区, which are first of all parts of
     * words nearly every sentence has). The evidence and the classifier weigh each of them as they
     * weigh 高 or 马; a third held-out file named people with 18 of them.
     */
    static final String EVERYDAY_SURNAMES =
            "水云昌花乐计伏平强危诸松井巴牧山班伊祖印怀阴双劳扶堵寿鱼容戈居步满国东沃利隆须丰相公晋况伯言福" + NameSurnames.CURRENT_EVERYDAY;

    /**
     * Surnames of today's surname lists that the table lacked and that are also everyday characters (the core
     * dictionary counts each 100 to 1,000 times as a word of its own: 修 in 维修, 银 in 银行): weighed as the
     * {@link #EVERYDAY_SURNAMES}. Those counted more often stay out (过 来 但 达 元 区 战 广 经 都): issue 9's fifth round.
     */
    static final String CURRENT_EVERYDAY = "展银豆玉冒修智奉富粘咸敬渠续";

    /**
     * Surnames that are first of all function words or verbs (和 and, 都 all, 从 from, 来 come, 过 pass, 区 district, 通,
     * 门, 练, 占, 官, 战, 年, 鲜, 斛, 粟, 操, 充, 归, 校): the fifth and sixth held-out files named over 70 people with them. They are weighed as the {@link
     * #EVERYDAY_SURNAMES}, but only where a name can stand ({@link PersonNameRecognizer}): at the start of a clause or
     * after a role, never with a dictionary word or another surname right after them (和物业, 来信人, 和王老师).
     */
    static final String FUNCTION_SURNAMES = "和来区都从练占官通门过战年鲜斛粟操充归校";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
            + "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
            + "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
            + "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
            + "仲虞敖巩明佘池查麻苑迟邝丘乌习仝仵傅储冀匡厉奚宿封尉屠巢庹朴束杭栗楚毋濮狄皮矫索翦苍茅荆萧薄裘谈贡赖辜"
            + "阎钮" + MORE_SURNAMES + EVERYDAY_SURNAMES + NameLexicon.RARE_SURNAMES + FUNCTION_SURNAMES;
    /** The common surnames, before the everyday and rare ones are added: 王, 李, 明; not 和, 国. */
    private static final BitSet COMMON = set(SURNAMES.substring(0, SURNAMES.indexOf("阎钮") + 2));

    private static final String[] COMPOUND_SURNAMES = {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "公孙", "端木", "轩辕",
        // the rest of the 百家姓's compound surnames, but those that are first of all words or places (第五, 东门, 单于, 濮阳)
        "呼延", "澹台", "司空", "南宫", "闻人", "百里", "赫连", "公羊", "公冶", "宗政", "淳于", "申屠", "仲孙", "钟离", "鲜于", "闾丘",
        "亓官", "司寇", "颛孙", "巫马", "公西", "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "东郭", "归海",
        "羊舌", "微生", "梁丘", "左丘", "万俟", "太叔", "太史"
    };
    private static final BitSet SINGLE_SURNAMES = set(SURNAMES);
    private static final BitSet EVERYDAY = set(EVERYDAY_SURNAMES + FUNCTION_SURNAMES);
    private static final BitSet FUNCTION = set(FUNCTION_SURNAMES);
    private static final BitSet COMPOUND_FIRST = new BitSet(65536);

    static {
        for (var c : COMPOUND_SURNAMES) {
            COMPOUND_FIRST.set(c.charAt(0));
        }
    }

    private NameSurnames() {}

    /** Whether a name may start with the character: a single surname or the first of a compound one. */
    static boolean triggers(char c) {
        return SINGLE_SURNAMES.get(c) || COMPOUND_FIRST.get(c);
    }

    /** Whether the character is one of the {@link #EVERYDAY_SURNAMES}. */
    static boolean everyday(char c) {
        return EVERYDAY.get(c);
    }

    /** Whether the character is one of the {@link #FUNCTION_SURNAMES}. */
    static boolean function(char c) {
        return FUNCTION.get(c);
    }

    /** Whether the character is a common surname (王, 李, 明), not only an everyday, a function or a rare one. */
    static boolean common(char c) {
        return COMMON.get(c) && !EVERYDAY.get(c);
    }

    /** The character before and this one make a compound surname: 夏侯晨 is no 侯晨. */
    static boolean insideCompound(String s, int start) {
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
    static int length(String s, int start) {
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
