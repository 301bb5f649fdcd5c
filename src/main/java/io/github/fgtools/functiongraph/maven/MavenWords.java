package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.CredentialsResolver;
import io.github.fgtools.functiongraph.config.Parameters;
import io.github.fgtools.functiongraph.deploy.ClassFileCheck;

/**
 * The Maven words for what the core reports, in one place (as Jib's {@code MavenHelpfulSuggestions}): each setting as
 * its POM element and user property, and the messages of the core's typed exceptions with what to do in a Maven
 * build.
 */
final class MavenWords {
    private MavenWords() {
    }

    /** {@code text} with every setting named as {@code <element> (property)}. */
    static String render(String text) {
        return Setting.render(text, setting -> Parameters.of(setting).describe());
    }

    /** The message a Mojo exception carries for the core's exception. */
    static String message(FunctionGraphException e, String goal, String serverId) {
        if (e instanceof CloudSession.OfflineException) {
            return "Maven is offline (-o): functiongraph:" + goal + " needs the network to reach "
                    + ((CloudSession.OfflineException) e).endpoint + ". Run without -o"
                    + ("deploy".equals(goal) ? ", or with -D" + Parameters.of(Setting.DRY_RUN).property
                    + " to see the requests without sending them." : ".");
        }
        if (e instanceof CredentialsResolver.NoCredentialsException) {
            CredentialsResolver.NoCredentialsException none = (CredentialsResolver.NoCredentialsException) e;
            String nl = System.lineSeparator();
            StringBuilder sb = new StringBuilder("No Huawei Cloud credentials found").append(none.note)
                    .append(". Provide one of:").append(nl)
                    .append("  1. a <server> in ~/.m2/settings.xml with <id>").append(serverId).append("</id> (")
                    .append(render(String.valueOf(Setting.SERVER_ID))).append("), <username> = access key (AK), ")
                    .append("<password> = secret key (SK, may be encrypted with mvn --encrypt-password)");
            int i = 2;
            for (String source : none.sources) {
                sb.append(nl).append("  ").append(i++).append(". ").append(source);
            }
            return sb.append(nl).append("A dry run (-D").append(Parameters.of(Setting.DRY_RUN).property)
                    .append(") needs none.").toString();
        }
        if (e instanceof ClassFileCheck.TooNewException) {
            int release = ((ClassFileCheck.TooNewException) e).release;
            return render(e.getMessage()) + System.lineSeparator() + "In Maven: set <maven.compiler.release>" + release
                    + "</maven.compiler.release> in the POM's <properties> (or <release>" + release
                    + "</release> in maven-compiler-plugin's <configuration>), then run mvn package again.";
        }
        return render(e.getMessage());
    }
}
