package io.github.fgtools.functiongraph.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a deploy did; written as {@code target/functiongraph/deploy-result.json}. */
public final class DeployResult {
    public final String action;
    public final String functionUrn;
    public final String version;
    public final String alias;
    public final String codeType;
    public final long codeSize;
    public final String digest;
    /** What changed in the cloud, in order: "code uploaded to OBS", "function created", "code updated", ... */
    public final List<String> changes;
    public final String consoleUrl;
    /** Each trigger of the qualifier after the deploy: {@code type, id, status, action, invokeUrl}. */
    public final List<Map<String, Object>> triggers;

    public DeployResult(String action, String functionUrn, String version, String alias, String codeType,
            long codeSize, String digest, List<String> changes, String consoleUrl) {
        this(action, functionUrn, version, alias, codeType, codeSize, digest, changes, consoleUrl,
                Collections.<Map<String, Object>>emptyList());
    }

    public DeployResult(String action, String functionUrn, String version, String alias, String codeType,
            long codeSize, String digest, List<String> changes, String consoleUrl,
            List<Map<String, Object>> triggers) {
        this.triggers = Collections.unmodifiableList(new ArrayList<>(triggers));
        this.action = action;
        this.functionUrn = functionUrn;
        this.version = version;
        this.alias = alias;
        this.codeType = codeType;
        this.codeSize = codeSize;
        this.digest = digest;
        this.changes = Collections.unmodifiableList(new ArrayList<>(changes));
        this.consoleUrl = consoleUrl;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("functionUrn", functionUrn);
        m.put("version", version);
        m.put("alias", alias);
        m.put("codeType", codeType);
        m.put("codeSize", codeSize);
        m.put("digest", digest);
        m.put("changes", changes);
        m.put("triggers", triggers);
        m.put("consoleUrl", consoleUrl);
        return m;
    }
}
