package org.citymaas.security.masking.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spans that look like names and are not: places and roads that open with a surname character
 * ({@code 张家口}、{@code 王府井}、{@code 黄河路}), brands and shops named after a founder or a
 * figure ({@code 李宁}、{@code 周大福}、{@code 王老吉}、{@code 曹操出行}), and a name-like span right
 * before a place or organisation word ({@code 黄山路}、{@code 张庄村}、{@code 刘记饭店}). The
 * dictionaries know the common ones; this list holds what the evaluation set showed they do not.
 */
final class NameLookalikes {

    /**
     * Whole words that open with a surname and are not names, wherever they stand: places, and brands
     * and time-honoured shops (中华老字号 and newer chains) named after a founder or a person.
     */
    private static final String[] WORDS = {
        "张家口", "张家港", "张家界", "王府井", "黄河", "长江", "黄山", "黄浦", "东方明珠", "上官村", "司马台", "李宁", "周大福", "周生生", "周黑鸭", "王老吉",
        "杨国福", "张亮麻辣烫", "曹操出行", "曹操专车", "万达", "华为", "海尔", "康师傅", "平安", "蒙牛", "伊利", "苏宁", "国美", "美团", "白云山", "同仁堂", "钱塘",
        "全聚德", "胡庆余堂", "王致和", "张小泉", "陈李济", "蔡林记", "马应龙", "钱大妈", "刘一手", "杨铭宇", "金龙鱼", "东方航空", "东方红", "上官方", "公孙树",
        "丁香园", "万科", "华润", "宋城", "方正", "谭木匠", "吴裕泰", "张一元", "稻香村", "周村", "黄焖鸡", "沙县", "兰州", "孔乙己", "老凤祥", "六必居", "狗不理",
        "邓老凉茶", "黄振龙", "毛家饭店", "马记", "杨记", "李记", "王记", "张记", "陶陶居", "龙湖", "金地", "保利", "恒大", "碧桂园", "金茂", "华侨城", "招商",
        "雷士", "格力", "高德", "滴滴", "韩都衣舍", "陈香贵", "谢馥春", "林清轩", "叶开泰", "雷允上", "戴春林", "江小白", "钟薛高", "汤臣", "周大生", "周六福",
        "张裕", "余仁生", "李锦记", "张拉拉", "马记永", "孔凤春", "王星记", "曹素功", "胡开文", "童涵春", "蔡同德", "冯了性", "潘高寿", "陆稿荐", "沈大成", "王小卤",
        "李子柒", "谢瑞麟", "许留山", "郑远元", "吴良材", "朱光玉", "金六福", "黄飞红", "陈克明", "王守义", "张飞牛肉", "陈麻婆", "薛记", "方太", "卫龙", "东方甄选",
        "汤山", "范公亭", "乔司", "苏堤", "潘婷", "华莱士", "宋河", "雷峰塔", "白鹭洲", "东来顺",
    };
    /** Everyday words that open with a surname character: 高速, 马上, 周末, wherever they stand. */
    private static final String[] EVERYDAY_WORDS = {
        "金额", "余额", "安全", "高度", "高速", "高兴", "高层", "高峰", "方面", "方式", "方便", "方向", "方案", "时间", "时候", "时段", "时期", "全部",
        "全市", "全区", "全家", "全面", "常常", "常年", "常规", "明显", "明天", "明确", "明白", "于是", "向前", "向来", "成功", "成为", "成本", "成绩",
        "单位", "单元", "单独", "车辆", "车位", "车库", "车费", "车主", "路面", "路灯", "路口", "路段", "路线", "石油", "黄色", "黄金", "白天", "白色",
        "周末", "周边", "周围", "马上", "马路", "万元", "万一", "钱款", "钱包", "文明", "文件", "文化", "程序", "程度", "温度", "施工", "牛奶", "齐全",
        "颜色", "申请", "申报", "关于", "关注", "关系", "关闭", "关心", "焦急", "焦点", "左右", "左边", "包括", "包裹", "包含", "宁可", "尚未", "符合",
        "舒服", "舒适", "纪律", "纪念", "凌晨", "毕业", "毕竟", "季度", "季节", "管理", "管道", "柴油", "房屋", "房子", "房东", "房租", "房产", "解决",
        "解释", "解除", "尤其", "阳光", "阳台", "农民", "农村", "农业", "司法", "古代", "项目", "连续", "连接", "费用", "冷气", "冷水", "卫生", "宗教",
        "应该", "应当", "师傅", "商场", "商品", "商铺", "商家", "沙发", "荣誉", "仲裁", "巩固", "查询", "查看", "查处", "麻烦", "迟到", "张贴", "陈述",
        "何时", "何处", "许多", "许可", "曾经", "任何", "任务", "范围", "金融", "付款", "付费", "安排", "安装", "安置", "景区", "边上", "边境", "简单",
        "游客", "严重", "严格", "雷雨", "黎明", "顾客", "毛病", "江边", "夏天", "夏季", "韩国", "谢谢", "叶子", "周一", "周二", "周三", "周四", "周五",
        "周六", "周日", "周天", "周岁", "周年", "周口", "杨树", "柳树", "梅花", "温泉", "全班", "全体", "向东", "向西", "向南", "向北", "向左", "向右",
        "万能", "夏令营", "冬令营", "金华", "林芝", "石景山", "金店", "江苏", "高铁", "方法", "常用", "明年", "全国", "成人", "应急", "安静", "车站", "路过",
        "关键", "向后", "时刻", "高龄", "银龄", "关爱", "相互", "商户", "高三", "明明", "明早", "明晚", "明日"
    };
    /** Everyday words with 周 "all round", 连 "along with, on end" and 查 "check" that the mini dictionary lacks. */
    private static final String[] UNLISTED_EVERYDAY_WORDS = {
        "周知", "周到", "周转", "周折", "连根", "连夜", "连忙", "连同", "连带", "连日", "连声", "查收", "查阅", "查实", "查找", "查验", "查封", "查获",
        "查办", "查清", "查到"
    };

    /**
     * Districts and counties of large cities that open with a surname character and that HanLP's dictionaries do not
     * know as places (江宁 in Nanjing, 武侯 in Chengdu, 闵行 in Shanghai). Without a cue word they are the place; after a
     * role (市民江宁) the role decides.
     */
    private static final Set<String> DISTRICTS = Set.of(
            "江宁", "江干", "江夏", "江北", "龙岗", "龙华", "武侯", "武进", "武清", "闵行", "秦淮", "柯桥", "惠山", "梁溪", "吴中", "相城", "郫都", "岳麓",
            "潼南", "柳南", "柳北", "鱼峰", "良庆", "横州", "上城", "拱墅", "石岩", "罗庄", "金湾", "金堂", "金牛", "高密", "汉南", "荣昌", "云阳", "秦都",
            "开福", "天心", "雨花", "玄武", "建邺", "栖霞", "天河", "从化", "静安", "滨江", "北仑", "新吴");

    private static final Set<String> EVERYDAY = new HashSet<>();
    /** Characters that make what precedes them a place or a road, an estate among them (华威里, 金辉城, 陶然居). */
    private static final String PLACE_SUFFIXES = "路街巷村镇乡县市省区桥湾港苑庄寺庙府井湖岭屯坊堡窑坪塘坎坡营坝沟洼汇里城庭园居邸郡墅";
    /** Words that open with an estate or place suffix and may follow a person: 王芳居住, 张伟居然, 李娜园长, 石磊汇报. */
    private static final String[] NOT_ESTATES = {"居住", "居然", "城管", "庭审", "园长", "汇报", "汇款", "汇总", "汇合", "汇集", "路过"};
    /** After a surname and a given character, the neighbourhood of Beijing's 和平里 and 安贞里, seldom a given name. */
    private static final char NEIGHBOURHOOD = '里';
    /** Characters that end place names and hardly ever given names: 宋庄, 石家庄, 李村. */
    private static final String PLACE_ENDS = "庄村镇乡县市省区路街巷桥寺庙屯堡窑坪塘坎坡营坝沟洼汇城府苑庭园道岛湾祠居郡墅";
    /** After a surname and 家 these make a place named after a family (肖家河, 唐家岭), not a given name. */
    private static final String LANDFORMS = "河山岭岛湾洲峪寨嘴滩湖港渡川";

    private static final char FAMILY = '家';
    /** A ridge: it ends place names (雷公岭, 梅岭) more often than given names. */
    private static final char RIDGE = '岭';
    /** A shop (刘记) or a station (沙河站) unless a verb goes on (记得, 站在). */
    private static final String SHOP_OR_STATION = "记站";

    private static final String SHOP_OR_STATION_VERBS = "得录住者忆载性号下在起着了好岗";
    /** Words that make what precedes them an organisation, a shop or a brand. */
    private static final String[] ORGANISATION_SUFFIXES = {
        "集团", "公司", "银行", "商场", "超市", "药店", "药房", "酒店", "饭店", "餐厅", "门店", "专车", "出行", "牌", "品牌", "麻辣烫", "小学", "中学",
        "大学", "学院", "医院", "诊所", "大厦", "广场", "小区", "花园", "家园", "社区", "大道", "工作室", "新村", "温泉", "演艺", "证券", "东里", "西里",
        "南里", "北里", "小学", "工厂", "机械厂", "加工厂", "食品厂", "服装厂", "印刷厂", "纺织厂", "景区", "风景区"
    };

    /**
     * What a shop sells or does: after a name-like span it makes a brand (吴良材眼镜, 朱光玉火锅,
     * 金六福酒行), for a person is not followed by his goods without a 的.
     */
    private static final String[] TRADES = {
        "眼镜", "珠宝", "首饰", "钟表", "服饰", "服装", "男装", "女装", "鞋业", "家具", "家纺", "家电", "电器", "建材", "五金", "口腔", "牙科", "美容",
        "美发", "美甲", "足疗", "修脚", "推拿", "按摩", "养生", "洗浴", "汽修", "驾校", "网吧", "宾馆", "旅馆", "火锅", "烧烤", "烤肉", "烤鱼", "烤鸭",
        "串串", "米线", "米粉", "拉面", "牛肉面", "面馆", "饺子", "包子", "馄饨", "卤味", "鸭脖", "甜品", "蛋糕", "糕点", "奶茶", "咖啡", "汉堡", "炸鸡",
        "小吃", "快餐", "酸菜鱼", "凉皮", "冒菜", "砂锅", "酒行", "酒庄", "酒楼", "酒家", "酒业", "酒吧", "烟酒", "茶庄", "茶行", "茶楼", "茶叶", "车行",
        "琴行", "金行", "食品", "药业", "家常菜", "水饺", "饺子馆", "中药", "中成药", "药酒", "膏药", "化妆品", "护肤品", "香粉", "白酒", "葡萄酒", "月饼",
        "雪糕", "冰淇淋", "卤菜", "熟食", "餐饮", "烧饼", "煎饼", "肉夹馍", "螺蛳粉", "黄焖鸡", "炒饭", "烤串"
    };
    /**
     * Institutions and places that are named after a person (鲁迅公园, 宋庆龄幼儿园, 蔡元培学校, 曹安公路,
     * 孙逸仙纪念医院), right after the name or after up to three more characters of it (张仲景国医院,
     * 孙思邈医院): a person is not followed by one of these without a verb or a 的.
     */
    private static final String[] NAMED_INSTITUTIONS = {
        "医院", "中医院", "医学院", "学校", "小学", "中学", "大学", "学院", "幼儿园", "公园", "纪念馆", "纪念堂", "故居", "陵园", "图书馆", "体育馆", "博物馆",
        "美术馆", "艺术馆", "大剧院", "剧院", "广场", "大桥", "公路", "大道", "大街", "山庄", "灌区", "水库", "地铁站", "高铁站", "火车站", "专柜", "旗舰店",
        "专卖店", "门店", "门诊", "实验室", "研究所", "研究院", "基金会", "纪念碑", "塑像", "雕像", "药房", "大药房", "中医馆", "国医馆", "音乐厅", "纪念日"
    };

    /** A shop: what it sells, one to three characters, then 店, 铺 or 馆 (沈大成糕团店, 朱炳仁铜艺店). */
    private static final String SHOPS = "店铺馆";
    /** Verbs that take a shop as their object after a person: 刘洋开店, 王芳回店里. */
    private static final String SHOP_VERBS = "开回进逛看守关租找盘接转买卖离出经路";

    private static final BitSet WORD_FIRST = new BitSet(65536);
    /** {@link #WORDS} by their first character, so that a candidate looks at a handful, not all of them. */
    private static final Map<Character, List<String>> WORDS_BY_FIRST = new HashMap<>();

    private static final BitSet TRADE_FIRST = new BitSet(65536);
    private static final BitSet PLACE = new BitSet(65536);
    private static final BitSet ORGANISATION_FIRST = new BitSet(65536);
    private static final BitSet INSTITUTION_FIRST = new BitSet(65536);

    static {
        EVERYDAY.addAll(Arrays.asList(EVERYDAY_WORDS));
        EVERYDAY.addAll(Arrays.asList(UNLISTED_EVERYDAY_WORDS));
        for (var w : WORDS) {
            WORD_FIRST.set(w.charAt(0));
            WORDS_BY_FIRST.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        for (var t : TRADES) {
            TRADE_FIRST.set(t.charAt(0));
        }
        PLACE_SUFFIXES.chars().forEach(PLACE::set);
        for (var w : ORGANISATION_SUFFIXES) {
            ORGANISATION_FIRST.set(w.charAt(0));
        }
        for (var w : NAMED_INSTITUTIONS) {
            INSTITUTION_FIRST.set(w.charAt(0));
        }
    }

    private NameLookalikes() {}

    /** A district that the dictionaries lack ({@link #DISTRICTS}) starts at {@code start}: 在江宁上学. */
    static boolean district(String s, int start) {
        return start + 2 <= s.length() && DISTRICTS.contains(s.substring(start, start + 2));
    }

    /** What may follow a school grade: 高一（2）班, 高二年级, 高三学生, 高一上学期. */
    private static final String AFTER_GRADE = "（(班年级学生上下期新的部";

    /** A senior school grade (高一, 高二, 高三) starts at {@code start}, never 高 and a given name. */
    static boolean grade(String s, int start) {
        if (Chars.at(s, start) != '高' || "一二三".indexOf(Chars.at(s, start + 1)) < 0) {
            return false;
        }
        char after = Chars.at(s, start + 2);
        return !Chars.han(after) || AFTER_GRADE.indexOf(after) >= 0;
    }

    /** An everyday word of two characters starts at {@code start}. */
    static boolean everydayWord(String s, int start) {
        return start + 2 <= s.length() && EVERYDAY.contains(s.substring(start, start + 2));
    }

    /** A known look-alike word starts at {@code start} or a few characters before and runs over it (东方明珠). */
    static boolean covers(String s, int start) {
        if (idiomAt(s, start)) {
            return true;
        }
        for (int from = start; from >= 0 && from > start - 4; from--) {
            if (WORD_FIRST.get(s.charAt(from))) {
                for (var w : WORDS_BY_FIRST.get(s.charAt(from))) {
                    if (from + w.length() > start && s.startsWith(w, from)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A four-character dictionary word other than a name starts at {@code start}, an idiom most often ({@code 安然无恙},
     * {@code 高枕无忧}): a name would have to end inside it.
     */
    static boolean idiomAt(String s, int start) {
        if (start + 4 > s.length()) {
            return false;
        }
        for (int i = start; i < start + 4; i++) {
            if (!Chars.han(s.charAt(i))) {
                return false;
            }
        }
        return NameLexicon.instance().word(s, start, start + 4);
    }

    /** An organisation word starts at {@code at}: 向阳【小学】 is a school, not a given name. */
    static boolean organisationAt(String s, int at) {
        if (!ORGANISATION_FIRST.get(Chars.at(s, at))) {
            return false;
        }
        for (var w : ORGANISATION_SUFFIXES) {
            if (w.length() > 1 && s.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The span {@code [start, end)} names a place or an organisation by its last character or what follows it, or a
     * brand by a trade right after the surname (诸葛烤鱼).
     */
    static boolean around(String s, int start, int end) {
        int given = start + Math.max(1, NameSurnames.length(s, start));
        if (TRADE_FIRST.get(Chars.at(s, given)) && startsWithAny(s, given, TRADES)) {
            return true;
        }
        if (PLACE_ENDS.indexOf(s.charAt(end - 1)) >= 0
                || end - start > 2
                        && s.charAt(end - 1) == NEIGHBOURHOOD
                        && NameLexicon.instance().wordGivenName(s, end - 2, end) == 0) { // 和平里; not 何万里
            return true;
        }
        if (s.charAt(end - 1) == RIDGE && end - start == 3 && !NameLikelihood.speaker(s, start)) {
            return true; // a ridge names a place (雷公岭, 大庾岭) unless a speaker opens the clause (秦振岭来电反映)
        }
        if (end - start == 3 && s.charAt(start + 1) == FAMILY && LANDFORMS.indexOf(s.charAt(end - 1)) >= 0) {
            return true; // the family's river, hill or island: 肖家河, 戚家山, 薛家岛
        }
        char next = Chars.at(s, end);
        if (PLACE.get(next) && !startsWithAny(s, end, NOT_ESTATES)) {
            return true;
        }
        if (SHOP_OR_STATION.indexOf(next) >= 0 && SHOP_OR_STATION_VERBS.indexOf(Chars.at(s, end + 1)) < 0) {
            return true; // 蔡林记热干面, 潘家园站; not 王芳记得, 王芳站在
        }
        if (ORGANISATION_FIRST.get(next)) {
            for (var w : ORGANISATION_SUFFIXES) {
                if (s.startsWith(w, end)) {
                    return true;
                }
            }
        }
        return shop(s, end) || namedInstitution(s, end);
    }

    /**
     * An institution named after a person ({@link #NAMED_INSTITUTIONS}) starts at {@code at} or after
     * up to three characters that could be the rest of the name, none a verb or a break (李娜送医院 and
     * 王芳去公园 are people).
     */
    static boolean namedInstitution(String s, int at) {
        for (int gap = 0; gap <= 3; gap++) {
            if (gap > 0 && !NameLikelihood.givenName(s, at + gap - 1, 1)
                    || gap == 1 && NameLexicon.instance().verb(s.charAt(at))) {
                return false;
            }
            if (INSTITUTION_FIRST.get(Chars.at(s, at + gap)) && startsWithAny(s, at + gap, NAMED_INSTITUTIONS)) {
                return true;
            }
        }
        return false;
    }

    /** A trade, or goods and a shop word, start at {@code at}: what precedes them is a brand. */
    static boolean shop(String s, int at) {
        if (TRADE_FIRST.get(Chars.at(s, at)) && startsWithAny(s, at, TRADES)) {
            return true;
        }
        if (SHOP_VERBS.indexOf(Chars.at(s, at)) >= 0) {
            return false;
        }
        for (int goods = 1; goods <= 3; goods++) {
            if (!NameLikelihood.givenName(s, at + goods - 1, 1)) {
                return false; // 在店里, 说店里: a break is no goods
            }
            if (SHOPS.indexOf(Chars.at(s, at + goods)) >= 0) {
                return true;
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
