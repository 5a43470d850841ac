package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.han;

import java.util.BitSet;
import org.citymaas.security.masking.entity.PiiType;

/**
 * Chinese personal names in running text: a surname from the list, one or two given-name
 * characters, and context that says a person is meant: a role before it ({@code 来电人}、
 * {@code 联系人}、{@code 患者}、{@code 姓名：}) or a title after it ({@code 先生}、{@code 女士}、
 * {@code 同学}). Without such context a surname character is an ordinary word ({@code 高兴}、
 * {@code 王府井}) and nothing is reported.
 */
public final class PersonNameRecognizer implements Recognizer {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
            + "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
            + "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
            + "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛"
            + "仲虞敖巩明佘池查麻苑迟邝";
    private static final String[] COMPOUND_SURNAMES = {
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "宇文", "司徒", "夏侯", "公孙", "端木", "轩辕"
    };
    private static final String[] ROLES = {
        "来电人", "联系人", "投诉人", "举报人", "反映人", "申请人", "当事人", "报案人", "报警人", "经办人", "负责人", "收件人", "寄件人", "收货人", "代理人", "监护人",
        "承租人", "出租人", "户主", "业主", "患者", "病人", "家属", "市民", "居民", "群众", "学生", "乘客", "司机", "租户", "用户", "客户", "姓名", "名字",
        "我叫", "名叫", "叫做", "本人", "母亲", "父亲", "儿子", "女儿", "丈夫", "妻子", "老伴", "邻居"
    };
    private static final String[] TITLES = {
        "先生", "女士", "小姐", "同学", "老师", "医生", "大夫", "护士", "师傅", "阿姨", "大爷", "大妈", "奶奶", "爷爷", "老人", "经理", "主任", "警官",
        "律师", "同志", "教授", "患者", "书记", "院长", "校长", "处长", "科长", "局长", "老板"
    };
    /** Characters that end a name: particles, verbs and nouns that follow names, not found in them. */
    private static final String BREAKS = "的了在是说称讲问反映来去电打拨投诉于因对把被让给到从向和与及或等也都就又请要想已曾将"
            + "现先女同老师医手机号码身份证地址住邮箱车牌年日岁性别男今昨表示应致通过该其此这那您你我他她们"
            + "情况问题并且但而还再没不很太很多少个次位名";

    private static final BitSet SINGLE_SURNAMES = set(SURNAMES);
    private static final BitSet COMPOUND_FIRST = new BitSet(65536);
    private static final BitSet BREAK_SET = set(BREAKS);
    private static final BitSet TITLE_FIRST = new BitSet(65536);
    private static final BitSet ROLE_LAST = new BitSet(65536);

    static {
        for (var c : COMPOUND_SURNAMES) {
            COMPOUND_FIRST.set(c.charAt(0));
        }
        for (var t : TITLES) {
            TITLE_FIRST.set(t.charAt(0));
        }
        for (var r : ROLES) {
            ROLE_LAST.set(r.charAt(r.length() - 1));
        }
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
        if (surname == 0) {
            return -1;
        }
        int g = start + surname;
        boolean titled = TITLE_FIRST.get(at(s, g + 1)) || TITLE_FIRST.get(at(s, g + 2));
        if (!titled && !role(s, start)) {
            return -1;
        }
        for (int given = 2; given >= 1; given--) {
            if (givenName(s, g, given) && title(s, g + given)) {
                return g + given;
            }
        }
        if (!role(s, start)) {
            return -1;
        }
        if (!givenName(s, g, 1)) {
            return -1;
        }
        return givenName(s, g, 2) ? g + 2 : g + 1;
    }

    private static int surnameLength(String s, int start) {
        for (int i = 0; COMPOUND_FIRST.get(s.charAt(start)) && i < COMPOUND_SURNAMES.length; i++) {
            var compound = COMPOUND_SURNAMES[i];
            if (s.startsWith(compound, start) && givenName(s, start + 2, 1)) {
                return 2;
            }
        }
        return SINGLE_SURNAMES.get(s.charAt(start)) ? 1 : 0;
    }

    private static boolean givenName(String s, int from, int length) {
        for (int i = from; i < from + length; i++) {
            char c = at(s, i);
            if (!han(c) || BREAK_SET.get(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean title(String s, int at) {
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

    /** A role word right before the name, allowing colons, spaces, 是 or 为 in between. */
    private static boolean role(String s, int start) {
        int end = start;
        while (end > 0 && start - end < 3 && "：: 是为".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
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

    private static BitSet set(String chars) {
        var bits = new BitSet(65536);
        chars.chars().forEach(bits::set);
        return bits;
    }
}
