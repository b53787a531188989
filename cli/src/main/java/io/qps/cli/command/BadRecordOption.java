package io.qps.cli.command;

import io.qps.stream.topology.BadRecordPolicy;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --on-bad-record quarantine|fail}. */
final class BadRecordOption implements ITypeConverter<BadRecordPolicy> {
    @Override
    public BadRecordPolicy convert(String value) {
        try {
            return BadRecordPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("--on-bad-record must be quarantine or fail, was '" + value + "'");
        }
    }
}
