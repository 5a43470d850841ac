package org.citymaas.security.masking.control;

import static org.citymaas.security.masking.control.Chars.at;
import static org.citymaas.security.masking.control.Chars.han;

import java.util.BitSet;
import java.util.Set;
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

    /** Everyday words that open with a surname character: after a role word they are not a name. */
    private static final String[] WORDS = {
        "金额", "余额", "安全", "高度", "高速", "高兴", "高层", "高峰", "方面", "方式", "方便", "方向", "方案", "时间", "时候", "时段", "时期", "全部",
        "全市", "全区", "全家", "全面", "常常", "常年", "常规", "明显", "明天", "明确", "明白", "于是", "向前", "向来", "成功", "成为", "成本", "成绩",
        "单位", "单元", "单独", "车辆", "车位", "车库", "车费", "车主", "路面", "路灯", "路口", "路段", "路线", "石油", "黄色", "黄金", "白天", "白色",
        "周末", "周边", "周围", "马上", "马路", "万元", "万一", "钱款", "钱包", "文明", "文件", "文化", "程序", "程度", "温度", "施工", "牛奶", "齐全",
        "颜色", "申请", "申报", "关于", "关注", "关系", "关闭", "关心", "焦急", "焦点", "左右", "左边", "包括", "包裹", "包含", "宁可", "尚未", "符合",
        "舒服", "舒适", "纪律", "纪念", "凌晨", "毕业", "毕竟", "季度", "季节", "管理", "管道", "柴油", "房屋", "房子", "房东", "房租", "房产", "解决",
        "解释", "解除", "尤其", "阳光", "阳台", "农民", "农村", "农业", "司法", "古代", "项目", "连续", "连接", "费用", "冷气", "冷水", "卫生", "宗教",
        "应该", "应当", "师傅", "商场", "商品", "商铺", "商家", "沙发", "荣誉", "仲裁", "巩固", "查询", "查看", "查处", "麻烦", "迟到", "张贴", "陈述",
        "何时", "何处", "许多", "许可", "曾经", "任何", "任务", "范围", "金融", "付款", "付费", "安排", "安装", "安置", "景区", "边上", "边境", "简单",
        "游客", "严重", "严格", "雷雨", "黎明", "顾客", "毛病", "江边", "夏天", "夏季", "韩国", "谢谢"
    };

    private static final Set<String> WORD_SET = Set.of(WORDS);
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
        if (surname == 1 && WORD_SET.contains(s.substring(start, Math.min(s.length(), start + 2)))) {
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
