package io.qps.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UniverseFileTest {
    @Test
    void theShippedFileIsTheStandardUniverse() {
        assertThat(UniverseFile.load(Path.of("../config/instruments.properties")).all())
                .isEqualTo(Universe.standard().all());
    }

    @Test
    void textRoundTrips() {
        String text = UniverseFile.text(Universe.standard());
        assertThat(UniverseFile.parse(new StringReader(text), "x").all()).isEqualTo(Universe.standard().all());
    }

    @Test
    void errorsNameTheLineAndTheKey() {
        String one = """
                instruments=ABC
                ABC.asset_class=EQUITY
                ABC.price_decimals=2
                ABC.qty_decimals=0
                ABC.tick=0.005
                ABC.lot=1
                ABC.multiplier=1
                ABC.currency=USD
                ABC.depth=false
                ABC.hours=US_EQUITY
                """;
        assertThatThrownBy(() -> UniverseFile.parse(new StringReader(one), "f"))
                .hasMessage("f line 5: ABC.tick=0.005: expected a decimal with at most 2 places");
        assertThatThrownBy(() -> UniverseFile.parse(new StringReader(one.replace("ABC.hours=US_EQUITY\n", "")), "f"))
                .hasMessageContaining("ABC (listed on line 1) has no ABC.hours");
        assertThatThrownBy(() -> UniverseFile.parse(new StringReader(one.replace("0.005", "0.01") + "XYZ.tick=1\n"), "f"))
                .hasMessageContaining("f line 11: unknown key 'XYZ.tick'");
        assertThatThrownBy(() -> UniverseFile.parse(new StringReader(one.replace("EQUITY\n", "BOND\n")), "f"))
                .hasMessageContaining("f line 2: ABC.asset_class=BOND: expected one of [CRYPTO, EQUITY, FX, FUTURE]");
    }
}
