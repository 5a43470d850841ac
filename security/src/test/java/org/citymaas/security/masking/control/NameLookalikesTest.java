package org.citymaas.security.masking.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameLookalikesTest {

    @Test
    void seesKnownPlacesAndBrandsOverAStartingSurname() {
        assertThat(NameLookalikes.covers("去王府井买东西", 1)).isTrue();
        assertThat(NameLookalikes.covers("东方明珠附近", 1)).as("inside the word").isTrue();
        assertThat(NameLookalikes.covers("王建国说", 0)).isFalse();
    }

    @Test
    void readsAPlaceOrShopFromWhatEndsOrFollowsTheSpan() {
        assertThat(NameLookalikes.around("宋庄的画家村", 0, 2)).isTrue();
        assertThat(NameLookalikes.around("黄山路堵车", 0, 2)).isTrue();
        assertThat(NameLookalikes.around("刘芳集团", 0, 2)).isTrue();
        assertThat(NameLookalikes.around("潘家园站附近", 0, 3)).isTrue();
        assertThat(NameLookalikes.around("王芳站在门口", 0, 2))
                .as("a verb, not a station")
                .isFalse();
        assertThat(NameLookalikes.around("王芳记得这件事", 0, 2)).isFalse();
    }

    @Test
    void readsABrandFromTheTradeOrShopThatFollowsTheSpan() {
        assertThat(NameLookalikes.around("何立新烤鱼开业了", 0, 3)).isTrue();
        assertThat(NameLookalikes.around("冯德昌茶庄门口", 0, 3)).isTrue();
        assertThat(NameLookalikes.around("钱文海刀剪铺关门了", 0, 3))
                .as("goods and a shop word")
                .isTrue();
        assertThat(NameLookalikes.around("刘洋开店三年了", 0, 2))
                .as("a verb takes the shop")
                .isFalse();
        assertThat(NameLookalikes.around("王芳在店里等", 0, 2)).isFalse();
    }

    @Test
    void readsAnEstateFromItsSuffix() {
        assertThat(NameLookalikes.around("方庭苑三号楼", 0, 2)).isTrue();
        assertThat(NameLookalikes.around("龙泽园的业主", 0, 2)).isTrue();
        assertThat(NameLookalikes.around("劲松里小区", 0, 3)).as("a 里 neighbourhood").isTrue();
        assertThat(NameLookalikes.around("王芳居住在三楼", 0, 2)).as("a verb").isFalse();
        assertThat(NameLookalikes.around("万里说", 0, 2))
                .as("a two-character name")
                .isFalse();
    }

    @Test
    void knowsEverydayWordsThatOpenWithASurname() {
        assertThat(NameLookalikes.everydayWord("周末加班", 0)).isTrue();
        assertThat(NameLookalikes.everydayWord("周杰说", 0)).isFalse();
        assertThat(NameLookalikes.everydayWord("特此周知", 2))
                .as("a word the dictionary lacks")
                .isTrue();
    }

    @Test
    void aFourCharacterDictionaryWordIsNoName() {
        assertThat(NameLookalikes.idiomAt("老人安然无恙", 2)).isTrue();
        assertThat(NameLookalikes.covers("老人安然无恙", 2)).isTrue();
        assertThat(NameLookalikes.idiomAt("安然你负责拍照", 0)).isFalse();
        assertThat(NameLookalikes.idiomAt("王建国家里漏水", 0)).isFalse();
        assertThat(new PiiScanner().scan("老人安然无恙，大家放心")).isEmpty();
    }
}
