package io.qps.verify;

import io.qps.producer.session.SessionManifests;
import io.qps.schemas.SessionManifest;

/**
 * Where a verified session came from, as its manifest records it. Reported in the results documents next to the
 * verdict; never part of a digest (digests cover the canonical outputs only).
 *
 * @param datasetSha256 SHA-256 of the published dataset file
 * @param configHash SHA-256 of the session's canonical configuration text
 * @param qpsVersion the qps version that published the session
 * @param seed the generator's seed
 * @param days simulated days
 * @param engineConfigSha256 SHA-256 of the canonical text of the engine configuration the session's runs used
 */
public record Provenance(String datasetSha256, String configHash, String qpsVersion, long seed, int days,
                         String engineConfigSha256) {

    /** The provenance a session manifest records. */
    public static Provenance of(SessionManifest m) {
        return new Provenance(m.getDatasetSha256().toString(), m.getConfigHash().toString(),
                m.getCreatedBy().toString(), m.getSeed(), m.getDays(), SessionManifests.engineConfigHash(m));
    }
}
