package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Words;
import io.github.fgtools.functiongraph.config.InvokeConfig.QualifierKind;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvokeConfigTest {
    private static InvokeConfig.Builder invoke(String qualifier) {
        return InvokeConfig.builder().functionName("hello").qualifier(qualifier)
                .cloud(CloudConfig.builder().projectId("p"));
    }

    @Test
    void versionNamesAsTheServiceAndUsersGiveThemAreVersionsNotAliases() throws Exception {
        for (String version : new String[] {"latest", "v20261204-142128", "v20261204-142128-2", "1.2.0", "1",
                "42", "2026.12.04", "build.7"}) {
            assertThat(invoke(version).build().qualifierKind()).as(version).isEqualTo(QualifierKind.VERSION);
        }
    }

    @Test
    void namesOnlyAnAliasCanHaveAreAliasesAndTheRestAreTriedAsBoth() throws Exception {
        for (String alias : new String[] {"prod-", "canary_", "a234567890123456789012345678901234567890123"}) {
            assertThat(invoke(alias).build().qualifierKind()).as(alias).isEqualTo(QualifierKind.ALIAS);
        }
        for (String either : new String[] {"prod", "release_7", "v2", "blue-green"}) {
            assertThat(invoke(either).build().qualifierKind()).as(either).isEqualTo(QualifierKind.ALIAS_OR_VERSION);
        }
    }

    @Test
    void aQualifierNeitherCanHaveIsRefused() throws Exception {
        assertThat(Words.thrown(() -> invoke("-x").build())).contains("<qualifier> (functiongraph.qualifier) = '-x'")
                .contains("a version name").contains("an alias name");
        assertThat(Words.thrown(() -> invoke("a.b-").build())).contains("'a.b-'");
    }
}
