package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.citymaas.security.masking.entity.PiiType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameRecognizerTest {

    private final PiiScanner scanner = new PiiScanner(List.of(new PersonNameRecognizer()));

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "张伟反映楼上漏水。|张伟",
                "请转告王建国尽快回电。|王建国",
                "欧阳娜娜说小区门口的路灯坏了。|欧阳娜娜",
                "诸葛亮家的下水道堵了。|诸葛亮",
                "司马光明来电询问社保缴费。|司马光明",
                "报警称赵丽华的电动车被盗。|赵丽华",
                "孙浩和吴芳因停车位发生纠纷。|孙浩",
                "请林睿泽明天把借的图书还给图书馆。|林睿泽",
                "患者李娜入院后一直发烧。|李娜",
                "王和平认真负责，值得表扬。|王和平",
                "胡桂英表示邻居刘鹏家的狗经常夜里叫。|刘鹏",
                "经调查，何志刚与郑凯存在债务纠纷。|何志刚",
                "牛犇投诉邻居私自在楼顶搭建阳光房。|牛犇",
                "会上郑子豪介绍了志愿服务情况。|郑子豪",
                "麻烦问一下梁雨桐，表格交了没有。|梁雨桐",
                "卢书瑶的作业本落在教室了。|卢书瑶",
                "问下夏侯明月在不在。|夏侯明月",
                "邹映雪家住三楼，楼上漏水。|邹映雪",
                "房东燕丽娟不肯退押金。|燕丽娟",
                "计晓东反映小区路灯不亮。|计晓东",
                "班淑云说电梯又坏了。|班淑云",
                "书记员蒋晓雯记录。|蒋晓雯",
                "联系人：向前；电话另行告知。|向前",
                "上官婉清：楼下烧烤摊油烟太大。|上官婉清",
                "请跟路晓峰说一声，会议改到周四。|路晓峰",
                "卿晓东反映楼道灯坏了。|卿晓东",
                "何万里说物业费又涨了。|何万里",
                "杜建华汇报了本周的巡查情况。|杜建华",
                "我叫高峰，想问一下公积金的事。|高峰",
                "12床吕平今日体温正常。|吕平",
                "店主任建军称货款未结清。|任建军",
                // issue 9's sixth round: given names ending in 来/年, function-word surnames, speakers, coordination
                "蒋永年反映楼顶水箱漏水。|蒋永年",
                "今天值班的是金福来。|金福来",
                "都建平说车库的灯一直不亮。|都建平",
                "区伟强来电咨询公租房。|区伟强",
                "当事人练志华对处罚提出异议。|练志华",
                "左海峰来电反映公交站没有雨棚。|左海峰",
                "向海波报警称店铺被砸。|向海波",
                "周海燕与年建华因晾衣发生口角。|年建华",
                "端木向东称快递丢了。|端木向东",
                "刘涛申请了公租房。|刘涛",
                // issue 9's ninth round: a compound and rarer surnames, a class, a mention, roles by their ending,
                // 来 opening a given name, function-word surnames, persons every reader knows
                "太史文静反映楼道漏水。|太史文静",
                "家访记录：茆建平家住六楼。|茆建平",
                "二（3）班罗子轩今天发烧。|罗子轩",
                "@韩梅 请查收工单。|韩梅",
                "评估员许晓红到场核实。|许晓红",
                "帮扶对象蔡国强已入职。|蔡国强",
                "王来顺反映水压不足。|王来顺",
                "请联系占海龙处理。|占海龙",
                "1床和强，血压平稳。|和强",
                "语文课上讲了林则徐的故事。|林则徐",
                "诉求人安静反映楼上装修扰民。|安静",
            })
    void findsNamesWithAndWithoutCueWords(String text, String name) {
        assertThat(names(text)).contains(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "我们在张家口的分公司需要备案。",
                "周末去王府井买东西，黄河路堵车严重。",
                "高速路口拥堵，马上派人处理。",
                "江苏的文明城市创建工作进展顺利。",
                "他买了一双李宁的鞋和周大福的金项链，喝了王老吉。",
                "王先生来电称快递丢失，老张也有同样问题。",
                "欧阳女士来电，司马先生不愿留全名。",
                "黄金价格上涨，金店排队的人很多。",
                "周一到周五早上金水路都堵得厉害。",
                "马家堡东里的快递柜经常满。",
                "蔡林记热干面门口的冰柜占了人行道。",
                "潘家园站附近有人发小广告。",
                "9月26号21时许接到报警。",
                "共计四万余元的工资被拖欠。",
                "向阳小学家长会定于周三下午召开。",
                "解放路发生一起两车追尾事故。",
                "王某和张某某在门口吵架。",
                "张总说下周再议。",
                "周末去鲁迅公园和宋庆龄故居参观。",
                "他在孙思邈中医院挂了专家号。",
                "她在林清轩专柜买了面霜。",
                "物业承诺于本周内修好电梯。",
                "这周轮到三班打扫卫生。",
                "双方同意调解。",
                "肖家河附近的夜市很热闹。",
                "包公祠今天闭馆。",
                "被申请人于下月五日前完成整改。",
                "井盖被盗了。",
                "物业公司老板不接电话。",
                "请大家查一查自家的水表。",
                "家里有一位瘫痪老人需要照顾。",
                "他说担任小组长以后更忙了。",
                "该工程将于明年三月开工。",
                "武侯那边的房子租金涨了。",
                "判令被告向原告支付违约金。",
                "据温州市气象台消息，明天有雨。",
                "预付的课时费一万二未退。",
                "村党支部书记到场协调。",
                "高新花苑空巢老人很多。",
                "为村民修理农机十五年。",
                // issue 9's sixth round
                "团购群里都说这家的水果新鲜。",
                "请就诊市民从东门进入。",
                "家属来取报告时请带身份证。",
                "网格员和物业一起上门排查。",
                "老两口都七十多了。",
                "楼下诸葛烤鱼的油烟太大。",
                "我姓丘，丘陵的丘。",
                "节日灯光秀将于国庆期间开放。",
                "王大爷的孙子雨萱今年上小学。",
                "高三的孩子晚上要复习，请小声点。",
                // issue 9's ninth round
                "他拟任副主任科员。",
                "社区矫正对象按时报到。",
                "【车友群】明天几点集合？",
                "我住在白云岭附近。",
                "值班表：周六、周日由镇里轮值。",
                "钥匙放在门卫那儿了。",
                "17床白细胞偏低，请夜班关注。",
                "主治医师查房后告知家属。",
                "他家住在郭庄子。",
            })
    void leavesLookAlikesAndFormsOfAddressUnmasked(String text) {
        assertThat(names(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {"王建国先生来电。|王建国", "联系人：欧阳娜娜，电话见附件。|欧阳娜娜", "陈一诺妈妈对处理结果表示满意。|陈一诺"})
    void keepsTitlesAndRolesOutOfTheSpan(String text, String name) {
        assertThat(names(text)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"王先生", "李女士", "马大姐", "朱民警"})
    void reportsNoSurnameWithATitleAlone(String text) {
        assertThat(names(text + "反映路灯坏了。")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "来电人马工反映配电箱冒烟。",
                "负责人许总表示下周完工。",
                "孙董答应月底前结清工程款。",
                "刘师傅和金女士在门口等。",
            })
    void readsAFormOfAddressAsNoNameEvenAfterACue(String text) {
        assertThat(names(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {"材料已交给董明审核。|董明", "师傅贺建军说明天来修。|贺建军"})
    void findsANameAfterAWordThatIsNoSurname(String text, String name) {
        assertThat(names(text)).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"他孙女今年上小学。", "岳父住在养老院，伙食太差。", "宋外婆天天来接外孙。"})
    void readsAKinshipWordAsNoName(String text) {
        assertThat(names(text)).isEmpty();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(
            delimiter = '|',
            value = {"刘敏侄女来电询问低保政策。|刘敏", "上官婉生日那天摔了一跤。|上官婉", "欧阳丽生前住在这里。|欧阳丽"})
    void endsTheNameBeforeKinOrABirthday(String text, String name) {
        assertThat(names(text)).containsExactly(name);
    }

    @org.junit.jupiter.api.Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        var texts = List.of("张伟反映楼上漏水。", "请转告王建国尽快回电。", "高速路口拥堵，马上派人处理。", "请林睿泽明天把借的图书还给图书馆。");
        var expected = texts.stream().map(this::names).toList();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<Future<List<List<String>>>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    var results = new ArrayList<List<String>>();
                    for (int i = 0; i < 200; i++) {
                        results.add(names(texts.get(i % texts.size())));
                    }
                    return results;
                }));
            }
            for (var f : futures) {
                var results = f.get();
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(expected.get(i % texts.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> names(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.type() == PiiType.PERSON_NAME)
                .map(f -> text.substring(f.start(), f.end()))
                .toList();
    }
}
