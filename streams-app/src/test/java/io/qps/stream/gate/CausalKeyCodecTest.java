package io.qps.stream.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CausalKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalKeyCodecTest {
    private static final String[] PIECES = {"", "A", "ES", "NQ", "alpha_1_pairs", "/", "a", "é", "€", "中",
        "\u007f", "\u0080", "\uffff", "alpha_1_pairs/ES", "ES/", "z"};

    @Test
    void layoutIsFlippedBigEndianSeqThenTerminatedUtf8ThenFlippedSub() {
        assertThat(hex(new CausalKey(1, "ES", 2))).isEqualTo("8000000000000001" + "4553" + "00" + "80000002");
        assertThat(hex(new CausalKey(-1, "é", 0))).isEqualTo("7fffffffffffffff" + "c3a9" + "00" + "80000000");
        assertThat(hex(new CausalKey(0, "", Integer.MAX_VALUE))).isEqualTo("8000000000000000" + "00" + "ffffffff");
        assertThat(HexFormat.of().formatHex(CausalKeyCodec.seqPrefix(258))).isEqualTo("8000000000000102");
    }

    @Test
    void byteOrderEqualsKeyOrderOnRandomKeys() {
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int i = 0; i < 200_000; i++) {
            CausalKey a = randomKey(random);
            CausalKey b = random.nextInt(8) == 0 ? a : randomKey(random);
            int bytes = Integer.signum(Arrays.compareUnsigned(CausalKeyCodec.encode(a), CausalKeyCodec.encode(b)));
            assertThat(bytes).as("%s vs %s", a, b).isEqualTo(Integer.signum(a.compareTo(b)));
        }
    }

    @Test
    void sortingByBytesGivesTheSortedKeys() {
        SplittableRandom random = new SplittableRandom(7);
        List<CausalKey> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(randomKey(random));
        }
        List<CausalKey> byKey = keys.stream().sorted().toList();
        List<CausalKey> byBytes = keys.stream().map(CausalKeyCodec::encode)
                .sorted(Arrays::compareUnsigned).map(CausalKeyCodec::decode).toList();

        assertThat(byBytes).containsExactlyElementsOf(byKey);
    }

    @Test
    void decodeInvertsEncode() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            CausalKey k = randomKey(random);
            assertThat(CausalKeyCodec.decode(CausalKeyCodec.encode(k))).isEqualTo(k);
        }
    }

    @Test
    void seqPrefixBoundsAScanBySeq() {
        byte[] lowOf5 = CausalKeyCodec.seqPrefix(5);
        byte[] highOf5 = CausalKeyCodec.seqPrefix(6);
        for (CausalKey k : List.of(new CausalKey(5, "", 0), new CausalKey(5, "\uffff\uffff", Integer.MAX_VALUE))) {
            assertThat(Arrays.compareUnsigned(lowOf5, CausalKeyCodec.encode(k))).isNegative();
            assertThat(Arrays.compareUnsigned(CausalKeyCodec.encode(k), highOf5)).isNegative();
        }
        assertThat(Arrays.compareUnsigned(CausalKeyCodec.encode(new CausalKey(4, "\uffff", 9)), lowOf5))
                .isNegative();
        assertThat(Arrays.compareUnsigned(highOf5, CausalKeyCodec.encode(new CausalKey(6, "", 0))))
                .isNegative();
    }

    @Test
    void sourcesWhoseBytesCannotKeepKeyOrderAreRejected() {
        assertThatThrownBy(() -> CausalKeyCodec.encode(new CausalKey(1, "a\u0000b", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> CausalKeyCodec.encode(new CausalKey(1, "x\uD83D\uDE00", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supplementary");
        assertThatThrownBy(() -> CausalKeyCodec.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an encoded causal key");
    }

    private static CausalKey randomKey(SplittableRandom random) {
        long seq = switch (random.nextInt(4)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextLong(-3, 4);
            case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> random.nextLong(0, 1_000);
        };
        StringBuilder source = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int p = 0; p < pieces; p++) {
            source.append(PIECES[random.nextInt(PIECES.length)]);
        }
        int sub = random.nextBoolean() ? random.nextInt(3) : random.nextInt(Integer.MAX_VALUE);
        return new CausalKey(seq, source.toString(), sub);
    }

    private static String hex(CausalKey key) {
        return HexFormat.of().formatHex(CausalKeyCodec.encode(key));
    }
}
