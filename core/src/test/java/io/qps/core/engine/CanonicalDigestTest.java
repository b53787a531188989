package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The digest's byte layout, fed line by line: topic name and newline, then each line and a newline. */
class CanonicalDigestTest {
    @Test
    void hashesEachTopicAsItsNameThenItsLines() throws Exception {
        CanonicalDigest d = new CanonicalDigest(true);
        d.topic(OutputTopic.ORDERS);
        d.line("1|a|0|x");
        d.line("2|a|0|y");
        d.topic(OutputTopic.FILLS);
        d.topic(OutputTopic.POSITIONS);
        d.topic(OutputTopic.PNL);
        d.line("3|TOTAL|0|z");
        d.finish();
        assertThat(d.digest()).isEqualTo(sha("orders\n1|a|0|x\n2|a|0|y\nfills\npositions\npnl\n3|TOTAL|0|z\n"));
        assertThat(d.digest(OutputTopic.ORDERS)).isEqualTo(sha("orders\n1|a|0|x\n2|a|0|y\n"));
        assertThat(d.digest(OutputTopic.FILLS)).isEqualTo(sha("fills\n"));
        assertThat(d.records(OutputTopic.ORDERS)).isEqualTo(2);
        assertThat(d.records(OutputTopic.PNL)).isEqualTo(1);
    }

    @Test
    void topicsComeInOrderAndAllOfThem() {
        CanonicalDigest d = new CanonicalDigest(false);
        assertThatThrownBy(() -> d.topic(OutputTopic.FILLS)).isInstanceOf(IllegalStateException.class)
                .hasMessage("topic fills out of order: expected orders");
        d.topic(OutputTopic.ORDERS);
        assertThatThrownBy(d::finish).isInstanceOf(IllegalStateException.class)
                .hasMessage("canonical form finished before topic fills");
        assertThatThrownBy(d::digest).isInstanceOf(IllegalStateException.class);
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
